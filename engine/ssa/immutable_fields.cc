#include "engine/ssa/immutable_fields.h"

#include <vector>

namespace meshform::ssa {
namespace {

struct Rule {
  const char* api_version;
  const char* kind;
  std::vector<const char*> path;  // field names from the object's root
};

const std::vector<Rule>& Rules() {
  static const std::vector<Rule> kRules = {
      {"apps/v1", "Deployment", {"spec", "selector"}},
      {"apps/v1", "ReplicaSet", {"spec", "selector"}},
      {"apps/v1", "DaemonSet", {"spec", "selector"}},
      {"apps/v1", "StatefulSet", {"spec", "selector"}},
      {"apps/v1", "StatefulSet", {"spec", "serviceName"}},
      {"apps/v1", "StatefulSet", {"spec", "volumeClaimTemplates"}},
      {"batch/v1", "Job", {"spec", "selector"}},
      {"batch/v1", "Job", {"spec", "template"}},
      {"v1", "Service", {"spec", "clusterIP"}},
      {"v1", "Secret", {"type"}},
      {"rbac.authorization.k8s.io/v1", "RoleBinding", {"roleRef"}},
      {"rbac.authorization.k8s.io/v1", "ClusterRoleBinding", {"roleRef"}},
      {"apiextensions.k8s.io/v1", "CustomResourceDefinition", {"spec", "scope"}},
  };
  return kRules;
}

bool Under(const Path& path, const std::vector<const char*>& fields) {
  if (path.size() < fields.size()) return false;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (path[i].kind != PathElement::Kind::kField || path[i].name != fields[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> ImmutableChange(const std::string& api_version, const std::string& kind,
                                           const ObjectDiff& diff) {
  for (const auto& change : diff.changes) {
    for (const auto& rule : Rules()) {
      if (api_version == rule.api_version && kind == rule.kind && Under(change.path, rule.path)) {
        Path prefix(change.path.begin(), change.path.begin() + rule.path.size());
        return ToString(prefix);
      }
    }
  }
  return std::nullopt;
}

}  // namespace meshform::ssa
