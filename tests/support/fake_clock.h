// The test double of kube::Clock (engine/kube/clock.h).
#pragma once

#include <mutex>
#include <vector>

#include "engine/kube/clock.h"

namespace meshform::kube {

// A clock for tests: SleepFor returns at once, advances the time and records the duration.
// Constructed with advance_on_sleep = false, only Advance moves the time, so that callers on
// several threads see the same time whatever order they sleep in.
class FakeClock : public Clock {
 public:
  explicit FakeClock(bool advance_on_sleep = true) : advance_on_sleep_(advance_on_sleep) {}
  TimePoint Now() const override;
  std::chrono::system_clock::time_point WallNow() const override;
  void SleepFor(Duration d) override;
  void Advance(Duration d);
  std::vector<Duration> Sleeps() const;

 private:
  mutable std::mutex mu_;
  bool advance_on_sleep_ = true;
  Duration elapsed_{0};
  std::vector<Duration> sleeps_;
};

}  // namespace meshform::kube
