// The per-cluster client-side rate limit: a token bucket (QPS, burst) that every request passes
// through, plus a shared pause that a 429's Retry-After imposes on all requests to the cluster.
#pragma once

#include <mutex>

#include "engine/kube/clock.h"

namespace meshform::kube {

struct RateLimit {
  double qps = 1000;  // high enough not to be the bottleneck against one API server
  int burst = 2000;
};

class RateLimiter {
 public:
  RateLimiter(RateLimit limit, Clock& clock);

  // Blocks (through the clock) until the request may go. Safe for concurrent use: each caller
  // reserves its slot under the lock and sleeps outside it.
  void Acquire();

  // Holds every request back until `d` from now (a 429 with Retry-After, or an overload).
  void PauseFor(Duration d);

  RateLimit limit() const { return limit_; }

 private:
  void RefillLocked(TimePoint now);

  const RateLimit limit_;
  Clock& clock_;
  std::mutex mu_;
  double tokens_;
  TimePoint last_;
  TimePoint paused_until_;
};

}  // namespace meshform::kube
