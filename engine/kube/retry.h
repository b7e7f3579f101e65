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
  int max_attempts = 6;  // including the first
  std::chrono::milliseconds base_delay{200};
  std::chrono::milliseconds max_delay{30000};
  double jitter = 0.5;  // delay is multiplied by a random factor in [1, 1 + jitter)
};

class Backoff {
 public:
  explicit Backoff(RetryPolicy policy, uint64_t seed = std::random_device{}());

  // The delay before retry number `attempt` (1 = first retry) of a request that failed with
  // `error`: base * 2^(attempt-1) with jitter, capped, and never less than Retry-After.
  Duration DelayFor(int attempt, const ApiError& error);

  // Whether to retry after the `attempt`-th failed try.
  bool ShouldRetry(int attempt, const ApiError& error) const;

  const RetryPolicy& policy() const { return policy_; }

 private:
  RetryPolicy policy_;
  std::mutex mu_;
  std::mt19937_64 rng_;
};

}  // namespace meshform::kube
