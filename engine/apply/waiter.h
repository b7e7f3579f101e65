// What a step waits for after writing: readiness of the object it applied (by kind: Namespace
// Active, CRD Established, Deployment available, LoadBalancer address, token Secret filled) and
// the disappearance of an object it deleted. The executor calls through this interface so
// that unit tests fake it; WaitsAdapter (waiter_adapter.h) forwards to engine/readiness/waits.h,
// tests/support/basic_waiter.h a minimal one for tests.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/kube/client.h"

namespace meshform::apply {

class Waiter {
 public:
  virtual ~Waiter() = default;
  // Blocks until `object` (as the server returned it) is ready; throws meshform::Error on
  // timeout or when it can never become ready.
  virtual void WaitReady(kube::Client& client, const nlohmann::json& object) = 0;
  // Blocks until the object is gone (or replaced by one with another uid when `uid` is set).
  virtual void WaitGone(kube::Client& client, const kube::ObjectRef& ref,
                        const std::string& uid) = 0;
};

}  // namespace meshform::apply
