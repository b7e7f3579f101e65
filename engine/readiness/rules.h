// Kind-specific readiness as data: a table of rules, each a predicate over a live object
// ("Namespace Active", "CRD Established", "Deployment available", ...). The waits of
// waits.h poll an object until its rule says Ready. Rules never look at Secret data beyond
// the presence of a key, so their messages are safe to print.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace meshform::readiness {

enum class Readiness {
  kReady,       // done: the wait returns
  kInProgress,  // not yet: keep polling
  kFailed,      // will not become ready by itself (e.g. ProgressDeadlineExceeded)
};

// A verdict with a short human reason ("0 of 2 replicas available").
struct ReadinessResult {
  Readiness state = Readiness::kInProgress;
  std::string message;

  static ReadinessResult Ready(std::string message = "ready");
  static ReadinessResult InProgress(std::string message);
  static ReadinessResult Failed(std::string message);
};

using ReadinessCheck = std::function<ReadinessResult(const nlohmann::json& live)>;

// One row of the table. `group` and `kind` select the objects ("" group: core); `applies`,
// when set, narrows further on the object itself (a Service of type LoadBalancer).
struct ReadinessRule {
  std::string group;
  std::string kind;
  std::function<bool(const nlohmann::json& object)> applies;
  std::string name;  // "Deployment available", shown in progress and errors
  ReadinessCheck check;
};

// The table, in match order (first match wins).
const std::vector<ReadinessRule>& ReadinessRules();

// The table's row for an object, or null when the table has none (then the live object
// decides: see RuleFor).
const ReadinessRule* TableRuleFor(const nlohmann::json& object);

// The rule for an object: the first matching row of the table; else the generic rule for
// objects with a `Ready` condition; else "exists" (ready at once).
const ReadinessRule& RuleFor(const nlohmann::json& object);

// The object whose live state decides when `object` is ready: `object` itself, except a Karmada
// PropagationPolicy (policy.karmada.io), which has no status: it is ready when the
// ResourceBinding Karmada writes for the template of its first resource selector
// (<name>-<kind>, lower case, in its namespace) is (returned as a reference: apiVersion, kind,
// metadata.name and namespace).
nlohmann::json ReadinessSubject(const nlohmann::json& object);

// True when the table says the kind is ready as soon as it exists (ConfigMap, plain Secret,
// ClusterIP Service), so that a wait needs no request at all. Unknown kinds are not: their
// live object may carry a Ready condition.
bool ReadyOnceExists(const nlohmann::json& object);

}  // namespace meshform::readiness
