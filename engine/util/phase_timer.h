// Logs how long a phase of a command took, at debug level (`-v`): "phase: read live state
// 312 ms". For users asking where a slow plan spends its time, and for profiling.
#pragma once

#include <spdlog/spdlog.h>

#include <chrono>
#include <string>

namespace meshform {

class PhaseTimer {
 public:
  explicit PhaseTimer(std::string phase)
      : phase_(std::move(phase)), start_(std::chrono::steady_clock::now()) {}
  PhaseTimer(const PhaseTimer&) = delete;
  PhaseTimer& operator=(const PhaseTimer&) = delete;
  ~PhaseTimer() {
    auto elapsed =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_);
    spdlog::debug("phase: {} {:.1f} ms", phase_, elapsed.count());
  }

 private:
  std::string phase_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace meshform
