// WaitUntilReady and WaitUntilGone (see waits.h): what to observe; the loop is waits_poll.cc.
#include "engine/readiness/waits.h"

#include "engine/readiness/poll.h"

namespace meshform::readiness {
namespace {

using nlohmann::json;

bool IsLive(const json& object) {
  return object.contains("metadata") && object["metadata"].is_object() &&
         object["metadata"].contains("resourceVersion");
}

Observation Judge(const json& live) {
  const ReadinessRule& rule = RuleFor(live);
  ReadinessResult result = rule.check(live);
  return {result.state, rule.name, result.message, StatusText(live), live};
}

Observation NotFoundYet(const json& object) {
  return {Readiness::kInProgress, RuleFor(object).name, "not found", "not found", json()};
}

// Gone when absent or replaced by an object with another uid; else why it is still there.
Observation ObserveDeletion(const std::optional<json>& live, const std::string& uid) {
  if (!live) return {Readiness::kReady, "deletion", "gone", "", json()};
  if (!uid.empty() && kube::UidOf(*live) != uid) {
    return {Readiness::kReady, "deletion", "recreated with another uid", "", json()};
  }
  const json metadata = live->value("metadata", json::object());
  std::string verdict = metadata.contains("deletionTimestamp") ? "terminating" : "still present";
  const json finalizers = metadata.value("finalizers", json::array());
  if (!finalizers.empty()) verdict += ", finalizers " + finalizers.dump();
  return {Readiness::kInProgress, "deletion", verdict, StatusText(*live), *live};
}

}  // namespace

json WaitUntilReady(kube::Client& client, const json& object, const WaitOptions& options) {
  if (ReadyOnceExists(object)) return object;
  const kube::ObjectRef ref = kube::RefOf(object);
  auto observe = [&] {
    std::optional<json> live = client.GetIfExists(ref);
    return live ? Judge(*live) : NotFoundYet(object);
  };
  std::optional<Observation> first;
  if (IsLive(object)) first = Judge(object);
  return PollUntilReady(client.cluster(), ref, options, observe, first).live;
}

void WaitUntilGone(kube::Client& client, const kube::ObjectRef& ref, const std::string& uid,
                   const WaitOptions& options) {
  auto observe = [&] { return ObserveDeletion(client.GetIfExists(ref), uid); };
  PollUntilReady(client.cluster(), ref, options, observe);
}

}  // namespace meshform::readiness
