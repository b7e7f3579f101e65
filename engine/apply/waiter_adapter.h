// The Waiter of real runs: forwards to the data-driven waits of engine/readiness/waits.h
// (readiness rules by kind), with their progress reported as "Still waiting" lines.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <string>

#include "engine/apply/scheduler.h"
#include "engine/apply/waiter.h"
#include "engine/readiness/rules.h"
#include "engine/readiness/waits.h"

namespace meshform::apply {

class WaitsAdapter : public Waiter {
 public:
  explicit WaitsAdapter(readiness::WaitOptions options)
      : lists_(options.clock), options_(std::move(options)) {
    if (options_.shared_lists == nullptr) options_.shared_lists = &lists_;
  }

  // A step that waits gives its slot back meanwhile (scheduler.h): its readiness is read by
  // LISTs shared with every other waiting step, so waiting steps send no requests of their own
  // beyond those, and ready steps start at once.
  void WaitReady(kube::Client& client, const nlohmann::json& object) override {
    if (readiness::ReadyOnceExists(object)) return;
    SlotGivenBack waiting;  // outlives `timed`: taking the slot again is not counted as waiting
    Timed timed(*this);
    readiness::WaitUntilReady(client, object, options_);
  }
  void WaitGone(kube::Client& client, const kube::ObjectRef& ref, const std::string& uid) override {
    SlotGivenBack waiting;  // outlives `timed`: taking the slot again is not counted as waiting
    Timed timed(*this);
    readiness::WaitUntilGone(client, ref, uid, options_);
  }

  size_t lists_sent() const { return lists_.lists_sent(); }
  int waits() const { return waits_.load(); }
  // The time spent waiting, summed over every wait (waits overlap: it can exceed the run's).
  std::chrono::microseconds waited() const { return std::chrono::microseconds(waited_us_.load()); }

 private:
  class Timed {
   public:
    explicit Timed(WaitsAdapter& adapter)
        : adapter_(adapter), start_(std::chrono::steady_clock::now()) {}
    ~Timed() {
      auto took = std::chrono::duration_cast<std::chrono::microseconds>(
          std::chrono::steady_clock::now() - start_);
      adapter_.waited_us_ += took.count();
      ++adapter_.waits_;
    }

   private:
    WaitsAdapter& adapter_;
    std::chrono::steady_clock::time_point start_;
  };

  std::atomic<int64_t> waited_us_{0};
  std::atomic<int> waits_{0};
  readiness::SharedLists lists_;
  readiness::WaitOptions options_;
};

}  // namespace meshform::apply
