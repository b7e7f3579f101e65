// The Waiter of real runs: forwards to the data-driven waits of engine/readiness/waits.h
// (readiness rules by kind), with their progress reported as "Still waiting" lines.
#pragma once

#include <functional>
#include <string>

#include "engine/apply/waiter.h"
#include "engine/readiness/waits.h"

namespace meshform::apply {

class WaitsAdapter : public Waiter {
 public:
  explicit WaitsAdapter(readiness::WaitOptions options) : options_(std::move(options)) {}

  void WaitReady(kube::Client& client, const nlohmann::json& object) override {
    readiness::WaitUntilReady(client, object, options_);
  }
  void WaitGone(kube::Client& client, const kube::ObjectRef& ref, const std::string& uid) override {
    readiness::WaitUntilGone(client, ref, uid, options_);
  }

 private:
  readiness::WaitOptions options_;
};

}  // namespace meshform::apply
