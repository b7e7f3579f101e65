// WaitUntilReady and WaitUntilGone (see waits.h): what to observe; the loop is waits_poll.cc.
#include "engine/readiness/waits.h"

#include "engine/kube/errors.h"
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

// Reads the object: by GET, or through the run's shared LISTs, each observation from a LIST
// sent after the one before (the first after the wait began, so after the write it waits on).
class Reader {
 public:
  Reader(kube::Client& client, const kube::ObjectRef& ref, const WaitOptions& options)
      : client_(client), ref_(ref), lists_(options.shared_lists) {
    if (lists_ != nullptr && ref_.ns.empty() &&
        client_.Mapping(ref_.api_version, ref_.kind).namespaced) {
      lists_ = nullptr;  // the client's own namespace: a GET knows which one
    }
    kube::Clock& clock = options.clock ? *options.clock : kube::RealClock::Instance();
    not_before_ = clock.Now();
  }

  std::optional<json> Read() {
    if (lists_ == nullptr) return client_.GetIfExists(ref_);
    try {
      SharedObservation seen = lists_->Get(client_, ref_, not_before_);
      not_before_ = seen.list_started + std::chrono::nanoseconds(1);
      return std::move(seen.live);
    } catch (const kube::Forbidden&) {
      lists_ = nullptr;  // a user who may get but not list: its own GETs, as before
      return client_.GetIfExists(ref_);
    }
  }

 private:
  kube::Client& client_;
  const kube::ObjectRef& ref_;
  SharedLists* lists_;
  kube::TimePoint not_before_;
};

}  // namespace

json WaitUntilReady(kube::Client& client, const json& applied, const WaitOptions& options) {
  const json object = ReadinessSubject(applied);
  if (ReadyOnceExists(object)) return object;
  const kube::ObjectRef ref = kube::RefOf(object);
  Reader reader(client, ref, options);
  auto observe = [&] {
    std::optional<json> live = reader.Read();
    return live ? Judge(*live) : NotFoundYet(object);
  };
  std::optional<Observation> first;
  if (IsLive(object)) first = Judge(object);
  return PollUntilReady(client.cluster(), ref, options, observe, first).live;
}

void WaitUntilGone(kube::Client& client, const kube::ObjectRef& ref, const std::string& uid,
                   const WaitOptions& options) {
  Reader reader(client, ref, options);
  auto observe = [&] { return ObserveDeletion(reader.Read(), uid); };
  PollUntilReady(client.cluster(), ref, options, observe);
}

}  // namespace meshform::readiness
