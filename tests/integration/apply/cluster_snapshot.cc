// Snapshots of clusters for before/after comparisons (see cluster_snapshot.h).
#include "tests/integration/apply/cluster_snapshot.h"

#include "engine/kube/errors.h"

namespace meshform::apply::testing {

Kinds CommonKinds() {
  return {{"v1", "Namespace"},
          {"v1", "ConfigMap"},
          {"v1", "Secret"},
          {"v1", "ServiceAccount"},
          {"v1", "Service"},
          {"apps/v1", "Deployment"},
          {"apiextensions.k8s.io/v1", "CustomResourceDefinition"},
          {"rbac.authorization.k8s.io/v1", "ClusterRole"},
          {"rbac.authorization.k8s.io/v1", "ClusterRoleBinding"},
          {"rbac.authorization.k8s.io/v1", "Role"},
          {"rbac.authorization.k8s.io/v1", "RoleBinding"},
          {"admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration"},
          {"admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration"},
          // What Istio 1.7's output (tools/istio-renderer) adds: destroy must remove them too.
          {"policy/v1beta1", "PodDisruptionBudget"},
          {"autoscaling/v1", "HorizontalPodAutoscaler"},
          {"networking.istio.io/v1alpha3", "EnvoyFilter"}};
}

nlohmann::json Normalize(nlohmann::json object) {
  auto& m = object["metadata"];
  for (const char* key :
       {"uid", "resourceVersion", "creationTimestamp", "managedFields", "generation", "selfLink"}) {
    m.erase(key);
  }
  // A CRD's status records stored versions and accepted names: server bookkeeping.
  if (object.value("kind", "") == "CustomResourceDefinition") object.erase("status");
  // The HPA controller rewrites an HPA's status every sync, and in autoscaling/v1 (read here)
  // its conditions and metrics show as annotations: its work, not meshform's.
  if (object.value("kind", "") == "HorizontalPodAutoscaler") {
    object.erase("status");
    if (m.contains("annotations")) {
      auto& annotations = m["annotations"];
      annotations.erase("autoscaling.alpha.kubernetes.io/conditions");
      annotations.erase("autoscaling.alpha.kubernetes.io/current-metrics");
      if (annotations.empty()) m.erase("annotations");
    }
  }
  return object;
}

Snapshot TakeSnapshot(kube::Client& client, const Kinds& kinds) {
  client.RefreshDiscovery();
  Snapshot out;
  for (const auto& [api_version, kind] : kinds) {
    kube::ListResult list;
    try {
      list = client.List(api_version, kind);
    } catch (const kube::NoKindMatch&) {
      continue;
    } catch (const kube::NotFound&) {
      continue;
    }
    for (auto& item : list.items) {
      std::string ns = item["metadata"].value("namespace", "");
      std::string key = api_version + "/" + kind + "/" + (ns.empty() ? "" : ns + "/") +
                        item["metadata"].value("name", "");
      item["apiVersion"] = api_version;
      item["kind"] = kind;
      out[key] = Normalize(item);
    }
  }
  return out;
}

std::vector<std::string> Differences(const Snapshot& before, const Snapshot& after) {
  std::vector<std::string> lines;
  for (const auto& [key, object] : before) {
    auto it = after.find(key);
    if (it == after.end()) {
      lines.push_back("missing now: " + key);
    } else if (it->second != object && object.value("kind", "") == "Secret") {
      lines.push_back("changed: " + key + " (Secret: data not shown)");
    } else if (it->second != object) {
      lines.push_back("changed: " + key + "\n  before: " + object.dump() +
                      "\n  after:  " + it->second.dump());
    }
  }
  for (const auto& [key, object] : after) {
    if (!before.count(key)) lines.push_back("new: " + key);
  }
  return lines;
}

std::vector<int> SampledSteps(int steps, int stride) {
  std::vector<int> out;
  for (int k = 1; k <= steps; k += stride) out.push_back(k);
  if (!out.empty() && out.back() != steps) out.push_back(steps);
  return out;
}

}  // namespace meshform::apply::testing
