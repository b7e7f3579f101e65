// How long the phases of a command took. PhaseTimer logs one at debug level (`-v`): "phase: read
// live state 312 ms", and records it in the process's PhaseLog, which apply and destroy print at
// their end ("Timings: ..."), so that a user sees where a slow run spent its time.
#pragma once

#include <spdlog/spdlog.h>

#include <chrono>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace meshform {

using PhaseDuration = std::chrono::duration<double, std::milli>;

// The phases of this process, in the order they ended. Thread-safe.
class PhaseLog {
 public:
  static void Record(std::string phase, PhaseDuration took);
  static std::vector<std::pair<std::string, PhaseDuration>> Entries();
  // "load topology 3 ms, compile 41 ms, ..., run 12.3 s": each phase once, in order (a phase
  // that ran several times shows their sum).
  static std::string Summary();
};

class PhaseTimer {
 public:
  explicit PhaseTimer(std::string phase)
      : phase_(std::move(phase)), start_(std::chrono::steady_clock::now()) {}
  PhaseTimer(const PhaseTimer&) = delete;
  PhaseTimer& operator=(const PhaseTimer&) = delete;
  ~PhaseTimer() {
    PhaseDuration elapsed = std::chrono::steady_clock::now() - start_;
    spdlog::debug("phase: {} {:.1f} ms", phase_, elapsed.count());
    PhaseLog::Record(std::move(phase_), elapsed);
  }

 private:
  std::string phase_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace meshform
