// istio-system and workload namespaces, per cluster.
#include "resources/namespaces.h"

#include <map>
#include <set>

#include "resources/multi_primary.h"

namespace meshform::resources {

json NamespaceObject(const std::string& name, const json& labels) {
  json ns = {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}};
  if (!labels.empty()) ns["metadata"]["labels"] = labels;
  return ns;
}

namespace {

// (cluster, namespace) -> whether some workload there has sidecar injection, and where the first
// such workload was declared.
struct WorkloadNamespace {
  bool injection = false;
  topology::Location origin;
};

std::map<std::pair<std::string, std::string>, WorkloadNamespace> WorkloadNamespaces(
    const topology::Topology& t) {
  std::map<std::pair<std::string, std::string>, WorkloadNamespace> found;
  for (const auto& w : t.workloads) {
    for (const auto& cluster : w.placement) {
      auto [it, inserted] = found.try_emplace({cluster, w.namespace_});
      if (inserted) it->second.origin = w.location;
      it->second.injection = it->second.injection || w.sidecar_injection;
    }
  }
  return found;
}

}  // namespace

void CompileNamespaces(const topology::Topology& t, ResourceSet& out) {
  for (const auto& c : t.clusters) {
    json labels = {{"topology.istio.io/network", c.network}};
    out.push_back(MakeObject(c.name, NamespaceObject(kIstioNamespace, labels), t.name, c.location));
  }
  for (const auto& [key, ns] : WorkloadNamespaces(t)) {
    json labels = json::object();
    if (ns.injection) labels["istio-injection"] = "enabled";
    out.push_back(MakeObject(key.first, NamespaceObject(key.second, labels), t.name, ns.origin));
  }
}

}  // namespace meshform::resources
