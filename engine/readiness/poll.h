// The polling loop shared by WaitUntilReady and WaitUntilGone: observe, judge, report
// progress, sleep with backoff, give up at the deadline. Internal to the waits.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "engine/readiness/rules.h"
#include "engine/readiness/waits.h"

namespace meshform::readiness {

// One look at the object.
struct Observation {
  Readiness state = Readiness::kInProgress;
  std::string rule;         // the rule that judged it
  std::string verdict;      // the rule's message
  std::string last_status;  // for messages: the object's .status, compact
  nlohmann::json live;      // the object seen (null when not found)
};

using Observe = std::function<Observation()>;

// Calls `observe` until it reports Ready and returns that observation. `first`, when given,
// is judged before any call. Transient kube errors count as "in progress". Throws
// WaitFailed, WaitTimeout.
Observation PollUntilReady(const std::string& cluster, const kube::ObjectRef& ref,
                           const WaitOptions& options, const Observe& observe,
                           std::optional<Observation> first = std::nullopt);

// The .status of a live object as compact JSON (cut at 600 characters), "" when it has none.
std::string StatusText(const nlohmann::json& live);

}  // namespace meshform::readiness
