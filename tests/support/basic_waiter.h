// A minimal Waiter for tests and benchmarks that do not want the readiness rules
// (engine/readiness): polls until a deleted object is gone, and until a
// CustomResourceDefinition is Established; everything else is ready once written.
#pragma once

#include <chrono>

#include "engine/apply/waiter.h"

namespace meshform::testing {

using apply::Waiter;

class BasicWaiter : public Waiter {
 public:
  explicit BasicWaiter(std::chrono::seconds timeout = std::chrono::seconds(300),
                       std::chrono::milliseconds poll = std::chrono::milliseconds(100))
      : timeout_(timeout), poll_(poll) {}

  void WaitReady(kube::Client& client, const nlohmann::json& object) override;
  void WaitGone(kube::Client& client, const kube::ObjectRef& ref, const std::string& uid) override;

 private:
  std::chrono::seconds timeout_;
  std::chrono::milliseconds poll_;
};

}  // namespace meshform::testing
