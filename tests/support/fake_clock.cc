#include "tests/support/fake_clock.h"

namespace meshform::kube {

TimePoint FakeClock::Now() const {
  std::lock_guard lock(mu_);
  return TimePoint{} + elapsed_;
}

std::chrono::system_clock::time_point FakeClock::WallNow() const {
  std::lock_guard lock(mu_);
  // A fixed, plausible epoch (2026-01-01T00:00:00Z) plus the fake elapsed time.
  return std::chrono::system_clock::time_point{} + std::chrono::seconds(1767225600) +
         std::chrono::duration_cast<std::chrono::system_clock::duration>(elapsed_);
}

void FakeClock::SleepFor(Duration d) {
  std::lock_guard lock(mu_);
  sleeps_.push_back(d);
  if (advance_on_sleep_ && d > Duration::zero()) elapsed_ += d;
}

void FakeClock::Advance(Duration d) {
  std::lock_guard lock(mu_);
  elapsed_ += d;
}

std::vector<Duration> FakeClock::Sleeps() const {
  std::lock_guard lock(mu_);
  return sleeps_;
}

}  // namespace meshform::kube
