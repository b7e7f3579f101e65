// Retry policy for transient API errors: exponential backoff with jitter, at least the
// server's Retry-After, capped attempts.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <random>

#include "engine/kube/clock.h"
#include "engine/kube/errors.h"

namespace meshform::kube {

struct RetryPolicy {
  int max_attempts = 6;  // including the first; 429s do not count (see throttle_budget)
  // How long one request keeps retrying 429 Too Many Requests (the server asked it to come back
  // later, typically API Priority and Fairness shedding load): until this much time has passed
  // since it was first sent, however many 429s that takes.
  std::chrono::seconds throttle_budget{120};
  // How long one request keeps retrying a server it cannot reach at all (connection refused or
  // reset: an API server restarting or failing over) once max_attempts are spent: until this
  // much time has passed since it was first sent. 0 (the default): max_attempts only. apply and
  // destroy set it (kRunUnreachableBudget), so that a run rides out an API server's restart.
  std::chrono::seconds unreachable_budget{0};
  std::chrono::milliseconds base_delay{200};
  std::chrono::milliseconds max_delay{30000};
  double jitter = 0.5;  // delay is multiplied by a random factor in [1, 1 + jitter)
};

inline constexpr std::chrono::seconds kRunUnreachableBudget{45};

class Backoff {
 public:
  explicit Backoff(RetryPolicy policy, uint64_t seed = std::random_device{}());

  // The delay before retry number `attempt` (1 = first retry) of a request that failed with
  // `error`: the larger of base * 2^(attempt-1) (capped) and Retry-After (a 429 with Retry-After:
  // just that), times the jitter — so that requests told to come back after the same Retry-After
  // do not all come back at once.
  Duration DelayFor(int attempt, const ApiError& error);

  // Whether to retry after the `attempt`-th failed try (429s not counted), `elapsed` after the
  // request was first sent.
  bool ShouldRetry(int attempt, const ApiError& error, Duration elapsed = Duration::zero()) const;

  const RetryPolicy& policy() const { return policy_; }

 private:
  RetryPolicy policy_;
  std::mutex mu_;
  std::mt19937_64 rng_;
};

}  // namespace meshform::kube
