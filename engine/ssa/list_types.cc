#include "engine/ssa/list_types.h"

#include <algorithm>

#include "engine/kube/resource.h"

namespace meshform::ssa {
namespace {

struct Rule {
  const char* group;   // API group ("" core, "*" any built-in group)
  const char* kind;    // "*" any kind
  const char* parent;  // "*" any parent field
  const char* field;
  ListType::Kind type;
  std::vector<std::string> keys;
};

const std::vector<Rule>& Rules() {
  using K = ListType::Kind;
  static const std::vector<Rule> kRules = {
      {"*", "*", "metadata", "finalizers", K::kSet, {}},
      {"*", "*", "metadata", "ownerReferences", K::kMap, {"uid"}},
      {"*", "*", "*", "containers", K::kMap, {"name"}},
      {"*", "*", "*", "initContainers", K::kMap, {"name"}},
      {"*", "*", "*", "ephemeralContainers", K::kMap, {"name"}},
      {"*", "*", "*", "volumes", K::kMap, {"name"}},
      {"*", "*", "*", "imagePullSecrets", K::kMap, {"name"}},
      {"*", "*", "*", "hostAliases", K::kMap, {"ip"}},
      {"*", "*", "*", "env", K::kMap, {"name"}},
      {"*", "*", "*", "volumeMounts", K::kMap, {"mountPath"}},
      {"*", "*", "*", "volumeDevices", K::kMap, {"devicePath"}},
      {"*", "*", "containers", "ports", K::kMap, {"containerPort", "protocol"}},
      {"*", "*", "initContainers", "ports", K::kMap, {"containerPort", "protocol"}},
      {"*", "*", "*", "topologySpreadConstraints", K::kMap, {"topologyKey", "whenUnsatisfiable"}},
      {"", "Service", "spec", "ports", K::kMap, {"port", "protocol"}},
      {"", "Service", "spec", "clusterIPs", K::kAtomic, {}},
      {"", "Namespace", "spec", "finalizers", K::kAtomic, {}},
      {"admissionregistration.k8s.io", "*", "", "webhooks", K::kMap, {"name"}},
      {"*", "*", "status", "conditions", K::kMap, {"type"}},
  };
  return kRules;
}

bool BuiltInGroup(const std::string& group) {
  if (group.empty()) return true;
  if (group.find('.') == std::string::npos) return true;  // apps, batch, policy, ...
  return group.size() > 7 && group.compare(group.size() - 7, 7, ".k8s.io") == 0;
}

bool Matches(const char* pattern, const std::string& value) {
  return std::string(pattern) == "*" || value == pattern;
}

}  // namespace

ListType LookUpListType(const std::string& api_version, const std::string& kind,
                        const std::string& parent, const std::string& field) {
  std::string group = kube::GroupOf(api_version);
  bool built_in = BuiltInGroup(group);
  for (const auto& r : Rules()) {
    std::string rule_group = r.group;
    bool group_ok = rule_group == "*" ? true : rule_group == group;
    // Metadata lists behave the same for every kind, custom resources included.
    if (!built_in && std::string(r.parent) != "metadata") continue;
    if (group_ok && Matches(r.kind, kind) && Matches(r.parent, parent) && field == r.field) {
      ListType t{r.type, r.keys};
      std::sort(t.keys.begin(), t.keys.end());
      return t;
    }
  }
  return ListType{};
}

}  // namespace meshform::ssa
