// The clock behind every wait in the Kubernetes client (backoff, rate limiting, token expiry),
// so that unit tests can replace real sleeping with a fake clock that only advances on demand.
#pragma once

#include <chrono>
#include <mutex>
#include <vector>

namespace meshform::kube {

using Duration = std::chrono::nanoseconds;
using TimePoint = std::chrono::steady_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
  // Wall-clock time, for comparing with timestamps that servers and plugins send.
  virtual std::chrono::system_clock::time_point WallNow() const = 0;
  virtual void SleepFor(Duration d) = 0;
};

// The real clock: steady time, real sleeping. One process-wide instance is enough.
class RealClock : public Clock {
 public:
  TimePoint Now() const override;
  std::chrono::system_clock::time_point WallNow() const override;
  void SleepFor(Duration d) override;
  static RealClock& Instance();
};

}  // namespace meshform::kube
