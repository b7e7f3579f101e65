// The real clock (see clock.h).
#include "engine/kube/clock.h"

#include <thread>

namespace meshform::kube {

TimePoint RealClock::Now() const { return std::chrono::steady_clock::now(); }

std::chrono::system_clock::time_point RealClock::WallNow() const {
  return std::chrono::system_clock::now();
}

void RealClock::SleepFor(Duration d) {
  if (d > Duration::zero()) std::this_thread::sleep_for(d);
}

RealClock& RealClock::Instance() {
  static RealClock clock;
  return clock;
}

}  // namespace meshform::kube
