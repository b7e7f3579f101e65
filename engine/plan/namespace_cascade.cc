// Objects left to their namespace's deletion (see namespace_cascade.h).
#include "engine/plan/namespace_cascade.h"

#include <map>

namespace meshform::plan {

void MarkNamespaceCascades(Plan& plan) {
  if (plan.mode != Mode::kDestroy) return;
  std::map<std::pair<std::string, std::string>, std::string> deleted;  // (cluster, ns) → address
  for (const auto& c : plan.changes) {
    if (c.action == Action::kDelete && c.resource.is_object() && c.resource.api_version() == "v1" &&
        c.resource.object_kind() == "Namespace") {
      deleted[{c.cluster, c.resource.object_name()}] = c.address;
    }
  }
  for (auto& c : plan.changes) {
    if (c.action != Action::kDelete || !c.resource.is_object()) continue;
    const std::string& ns = c.resource.object_namespace();
    if (ns.empty()) continue;
    auto it = deleted.find({c.cluster, ns});
    if (it == deleted.end()) continue;
    c.deleted_with = it->second;
    c.reason = "destroy (with namespace " + ns + ")";
  }
}

}  // namespace meshform::plan
