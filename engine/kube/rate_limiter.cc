// Token bucket with a shared pause (see rate_limiter.h).
#include "engine/kube/rate_limiter.h"

#include <algorithm>

namespace meshform::kube {

RateLimiter::RateLimiter(RateLimit limit, Clock& clock)
    : limit_(limit), clock_(clock), tokens_(limit.burst), last_(clock.Now()), paused_until_() {
  if (limit_.qps <= 0 || limit_.burst <= 0) {
    // Non-positive values mean "no limit"; keep one huge bucket.
    tokens_ = 1e18;
  }
}

void RateLimiter::RefillLocked(TimePoint now) {
  if (now <= last_) return;
  double seconds = std::chrono::duration<double>(now - last_).count();
  tokens_ = std::min<double>(limit_.burst, tokens_ + seconds * limit_.qps);
  last_ = now;
}

void RateLimiter::Acquire() {
  if (limit_.qps <= 0 || limit_.burst <= 0) return;
  Duration wait{0};
  {
    std::lock_guard lock(mu_);
    TimePoint now = clock_.Now();
    RefillLocked(now);
    // Reserve a token now; a negative balance is the queue of callers waiting for refills.
    tokens_ -= 1;
    if (tokens_ < 0) {
      wait = std::chrono::duration_cast<Duration>(
          std::chrono::duration<double>(-tokens_ / limit_.qps));
    }
    if (paused_until_ > now + wait) wait = paused_until_ - now;
  }
  if (wait > Duration::zero()) clock_.SleepFor(wait);
}

void RateLimiter::PauseFor(Duration d) {
  std::lock_guard lock(mu_);
  TimePoint until = clock_.Now() + d;
  paused_until_ = std::max(paused_until_, until);
}

}  // namespace meshform::kube
