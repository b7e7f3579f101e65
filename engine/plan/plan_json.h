// The plan as JSON (`meshform plan -o json`, and the body of saved plans). Versioned:
//
// {
//   "format_version": "1.1",            (major.minor: readers accept every minor of their major)
//   "mode": "apply" | "destroy",
//   "topology": {"name": "...", "hash": "sha256:..."},
//   "inventory_cluster": "...",
//   "options": {"adopt": bool, "targets": ["..."]},     (what the plan was made with)
//   "applyable": bool,        (apply would change an object: the plan has a change, no error)
//   "complete": bool,         (the plan covers the whole topology: no --target, no error)
//   "errored": bool,          (no plan could be made; "errors" says why, "changes" is empty)
//   "errors": ["..."],
//   "warnings": ["..."],      (as the text plan prints them)
//   "summary": {"add": N, "change": N, "replace": N, "destroy": N},
//   "drift": [{"address": "...", "cluster": "...", "kind": "changed" | "deleted",
//              "conflicts": [{"path": "...", "manager": "..."}]}],   (plan.h: Drift)
//   "changes": [{
//     "address": "...", "cluster": "...", "type": "object" | "value",
//     "action": "no-op" | "create" | "update" | "replace" | "delete", "reason": "...",
//     "actions": ["no-op"] | ["create"] | ["update"] | ["delete", "create"] | ["delete"],
//     "apiVersion", "kind", "namespace", "name",            (objects)
//     "value_type",                                        (values)
//     "planned_resource_version": "...", "planned_uid": "...",
//     "planned_content_digest": "sha256:...",      (live objects, not sensitive ones)
//     "depends_on": ["..."],
//     "sensitive": bool,
//     "fields": [{"op": "add"|"change"|"remove", "path": ".spec.x", "before": v, "after": v}],
//     "conflicts": [{"path": "...", "manager": "..."}]
//   }]
// }
// Field values of sensitive changes (Secrets, generated values) are the string "(sensitive)";
// values known only after apply are "(known after apply)". No secret ever appears.
// 1.1 added applyable, complete, errored, errors, warnings, drift and actions.
// The contract: schemas/plan.schema.json.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/plan/plan.h"

namespace meshform::plan {

inline constexpr const char* kPlanFormatVersion = "1.1";

nlohmann::json PlanToJson(const Plan& plan);

// Whether this build reads documents of `format_version` (the same major version).
bool ReadsPlanFormat(const std::string& format_version);

// Terraform's list form of an action: replace is ["delete", "create"].
nlohmann::json ActionList(Action action);

}  // namespace meshform::plan
