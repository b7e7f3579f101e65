// Exponential backoff with jitter (see retry.h).
#include "engine/kube/retry.h"

#include <algorithm>
#include <cmath>

namespace meshform::kube {

Backoff::Backoff(RetryPolicy policy, uint64_t seed) : policy_(policy), rng_(seed) {}

bool Backoff::ShouldRetry(int attempt, const ApiError& error, Duration elapsed) const {
  if (error.code() == 429) return elapsed < policy_.throttle_budget;
  if (!IsTransient(error)) return false;
  if (attempt < policy_.max_attempts) return true;
  return IsUnreachable(error) && elapsed < policy_.unreachable_budget;
}

Duration Backoff::DelayFor(int attempt, const ApiError& error) {
  double factor;
  {
    std::lock_guard lock(mu_);
    factor = 1.0 + std::uniform_real_distribution<double>(0.0, policy_.jitter)(rng_);
  }
  double base_ms = static_cast<double>(policy_.base_delay.count());
  double ms = base_ms * std::pow(2.0, std::max(0, attempt - 1));
  ms = std::min(ms, static_cast<double>(policy_.max_delay.count()));
  if (error.retry_after()) {
    // A throttled request comes back when the server said (a 429's Retry-After is the server's
    // own pacing: growing it would only idle the run); other errors back off at least that long.
    auto after = static_cast<double>(
        std::chrono::duration_cast<std::chrono::milliseconds>(*error.retry_after()).count());
    ms = error.code() == 429 ? after : std::max(ms, after);
  }
  return std::chrono::duration_cast<Duration>(
      std::chrono::duration<double, std::milli>(ms * factor));
}

}  // namespace meshform::kube
