// Waiting for objects: until ready by their kind's rule (readiness.h), or until gone after a
// delete. Both poll the object with GET (or a LIST shared with other waits), with a growing
// interval, report progress every ~10 s, and give up with WaitTimeout after the timeout. Time and
// sleeping go through an injectable kube::Clock so that unit tests run without real waiting.
#pragma once

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/kube/client.h"
#include "engine/kube/clock.h"
#include "engine/kube/resource.h"
#include "engine/readiness/shared_lists.h"
#include "engine/readiness/wait_errors.h"

namespace meshform::readiness {

// What a progress callback learns while a wait goes on.
struct WaitProgress {
  std::string cluster;
  kube::ObjectRef ref;
  std::string rule;  // "Deployment available", "deletion"
  std::chrono::milliseconds elapsed{0};
  std::string status;  // the rule's latest verdict, e.g. "0 of 2 replicas available"
};

struct WaitOptions {
  std::chrono::milliseconds timeout{std::chrono::minutes(5)};
  std::chrono::milliseconds poll_interval{200};  // first interval between GETs
  std::chrono::milliseconds max_poll_interval{std::chrono::seconds(2)};
  double backoff_factor = 1.5;  // each interval is the previous one times this, up to the max
  std::chrono::milliseconds progress_interval{std::chrono::seconds(10)};
  std::function<void(const WaitProgress&)> on_progress;  // null: no progress reports
  kube::Clock* clock = nullptr;                          // null: the real clock
  // Set: the object is observed through LISTs shared with the other waits of the run (one per
  // cluster, kind and namespace and polling round; shared_lists.h) instead of its own GETs.
  SharedLists* shared_lists = nullptr;
};

// Polls until `object` (an applied manifest or a live object) is ready and returns the ready
// live object (of ReadinessSubject(object): a Karmada PropagationPolicy is judged by its
// ResourceBinding).
// live object. Kinds that are ready once they exist return `object` without any request; a
// live `object` (one with metadata.resourceVersion) is judged before the first GET.
// Throws WaitTimeout after options.timeout, WaitFailed when the rule says the object cannot
// become ready (e.g. ProgressDeadlineExceeded), and kube errors other than transient ones.
nlohmann::json WaitUntilReady(kube::Client& client, const nlohmann::json& object,
                              const WaitOptions& options = {});

// Polls until the object is gone: GET answers 404, or an object with another uid than `uid`
// (recreated). An empty `uid` accepts only 404. Throws WaitTimeout.
void WaitUntilGone(kube::Client& client, const kube::ObjectRef& ref, const std::string& uid,
                   const WaitOptions& options = {});

}  // namespace meshform::readiness
