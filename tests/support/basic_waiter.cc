// The executor's minimal Waiter (see basic_waiter.h).
#include "tests/support/basic_waiter.h"

#include <thread>

#include "engine/util/error.h"

namespace meshform::testing {

namespace {

bool Established(const nlohmann::json& crd) {
  const auto& conditions = crd["status"]["conditions"];
  if (!conditions.is_array()) return false;
  for (const auto& c : conditions) {
    if (c.value("type", "") == "Established" && c.value("status", "") == "True") return true;
  }
  return false;
}

}  // namespace

void BasicWaiter::WaitReady(kube::Client& client, const nlohmann::json& object) {
  if (object.value("kind", "") != "CustomResourceDefinition") return;
  auto ref = kube::RefOf(object);
  auto deadline = std::chrono::steady_clock::now() + timeout_;
  nlohmann::json current = object;
  while (!Established(current)) {
    if (std::chrono::steady_clock::now() > deadline) {
      throw Error("timed out waiting for " + ref.ToString() + " to be Established");
    }
    std::this_thread::sleep_for(poll_);
    current = client.Get(ref);
  }
}

void BasicWaiter::WaitGone(kube::Client& client, const kube::ObjectRef& ref,
                           const std::string& uid) {
  auto deadline = std::chrono::steady_clock::now() + timeout_;
  while (true) {
    auto live = client.GetIfExists(ref);
    if (!live) return;
    if (!uid.empty() && (*live)["metadata"].value("uid", "") != uid) return;
    if (std::chrono::steady_clock::now() > deadline) {
      throw Error("timed out waiting for " + ref.ToString() + " to be deleted");
    }
    std::this_thread::sleep_for(poll_);
  }
}

}  // namespace meshform::testing
