// Tracks the steps in flight and, from its own thread, reports each one that has been running
// for another `interval` ("Still waiting for <address> [30s elapsed]").
#pragma once

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "engine/apply/status.h"

namespace meshform::apply {

class ProgressTicker {
 public:
  ProgressTicker(Status& status, std::chrono::milliseconds interval);
  ~ProgressTicker();  // stops the thread
  ProgressTicker(const ProgressTicker&) = delete;
  ProgressTicker& operator=(const ProgressTicker&) = delete;

  void Begin(const std::string& address);
  void End(const std::string& address);

 private:
  using Clock = std::chrono::steady_clock;
  struct InFlight {
    Clock::time_point start;
    int reported = 0;  // intervals already reported
  };
  void Loop();

  Status& status_;
  std::chrono::milliseconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::map<std::string, InFlight> in_flight_;
  std::thread thread_;
};

}  // namespace meshform::apply
