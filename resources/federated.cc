// FederatedNamespace and FederatedDeployment.
#include "resources/federated.h"

#include <map>

#include "resources/workloads.h"

namespace meshform::resources {

namespace {

json Placement(const std::vector<std::string>& clusters) {
  json list = json::array();
  for (const auto& c : clusters) list.push_back({{"name", c}});
  return {{"clusters", list}};
}

struct NamespacePlacement {
  bool injection = false;
  std::vector<std::string> clusters;
  topology::Location origin;
};

// Workload namespaces and the clusters they are placed on, in topology cluster order.
std::map<std::string, NamespacePlacement> NamespacePlacements(const topology::Topology& t) {
  std::map<std::string, NamespacePlacement> found;
  for (const auto& w : t.workloads) {
    auto [it, inserted] = found.try_emplace(w.namespace_);
    if (inserted) it->second.origin = w.location;
    it->second.injection = it->second.injection || w.sidecar_injection;
  }
  for (auto& [ns, p] : found)
    for (const auto& c : t.clusters)
      for (const auto& w : t.workloads)
        if (w.namespace_ == ns &&
            std::find(w.placement.begin(), w.placement.end(), c.name) != w.placement.end()) {
          p.clusters.push_back(c.name);
          break;
        }
  return found;
}

}  // namespace

json FederatedDeploymentObject(const topology::Workload& w) {
  json base = DeploymentObject(w);
  json tmpl = {{"metadata", {{"labels", base["metadata"]["labels"]}}}, {"spec", base["spec"]}};
  json overrides = json::array();
  for (const auto& cluster : w.placement) {
    json patches = OverridePatches(w, cluster);
    if (!patches.empty())
      overrides.push_back({{"clusterName", cluster}, {"clusterOverrides", patches}});
  }
  json spec = {{"template", tmpl}, {"placement", Placement(w.placement)}};
  if (!overrides.empty()) spec["overrides"] = overrides;
  return {{"apiVersion", "types.kubefed.io/v1beta1"},
          {"kind", "FederatedDeployment"},
          {"metadata", {{"name", w.name}, {"namespace", w.namespace_}}},
          {"spec", spec}};
}

json FederatedNamespaceObject(const std::string& ns, bool injection,
                              const std::vector<std::string>& clusters) {
  json tmpl = json::object();
  if (injection) tmpl["metadata"]["labels"]["istio-injection"] = "enabled";
  return {{"apiVersion", "types.kubefed.io/v1beta1"},
          {"kind", "FederatedNamespace"},
          {"metadata", {{"name", ns}, {"namespace", ns}}},
          {"spec", {{"template", tmpl}, {"placement", Placement(clusters)}}}};
}

void CompileFederated(const topology::Topology& t, ResourceSet& out) {
  if (t.federation.type != topology::FederationType::kKubefed) return;
  const std::string& host = t.federation.host;
  for (const auto& [ns, p] : NamespacePlacements(t))
    out.push_back(
        MakeObject(host, FederatedNamespaceObject(ns, p.injection, p.clusters), t.name, p.origin));
  for (const auto& w : t.workloads)
    out.push_back(MakeObject(host, FederatedDeploymentObject(w), t.name, w.location));
}

}  // namespace meshform::resources
