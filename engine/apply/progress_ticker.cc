// Progress of long-running steps (see progress_ticker.h).
#include "engine/apply/progress_ticker.h"

#include <algorithm>

namespace meshform::apply {

ProgressTicker::ProgressTicker(Status& status, std::chrono::milliseconds interval)
    : status_(status), interval_(std::max(interval, std::chrono::milliseconds(1))) {
  thread_ = std::thread([this] { Loop(); });
}

ProgressTicker::~ProgressTicker() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void ProgressTicker::Begin(const std::string& address) {
  std::lock_guard<std::mutex> lock(mu_);
  in_flight_[address] = InFlight{Clock::now(), 0};
}

void ProgressTicker::End(const std::string& address) {
  std::lock_guard<std::mutex> lock(mu_);
  in_flight_.erase(address);
}

void ProgressTicker::Loop() {
  auto tick = std::min<std::chrono::milliseconds>(interval_, std::chrono::milliseconds(500));
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    cv_.wait_for(lock, tick);
    if (stop_) break;
    auto now = Clock::now();
    for (auto& [address, f] : in_flight_) {
      auto periods = static_cast<int>((now - f.start) / interval_);
      if (periods <= f.reported) continue;
      f.reported = periods;
      auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(now - f.start);
      status_.StillRunning(address, elapsed);
    }
  }
}

}  // namespace meshform::apply
