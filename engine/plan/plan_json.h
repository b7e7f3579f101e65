// The plan as JSON (`meshform plan -o json`, and the body of saved plans). Versioned:
//
// {
//   "format_version": "1",
//   "mode": "apply" | "destroy",
//   "topology": {"name": "...", "hash": "sha256:..."},
//   "inventory_cluster": "...",
//   "options": {"adopt": bool, "targets": ["..."]},     (what the plan was made with)
//   "summary": {"add": N, "change": N, "replace": N, "destroy": N},
//   "changes": [{
//     "address": "...", "cluster": "...", "type": "object" | "value",
//     "action": "no-op" | "create" | "update" | "replace" | "delete", "reason": "...",
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
#pragma once

#include <nlohmann/json.hpp>

#include "engine/plan/plan.h"

namespace meshform::plan {

inline constexpr const char* kPlanFormatVersion = "1";

nlohmann::json PlanToJson(const Plan& plan);

}  // namespace meshform::plan
