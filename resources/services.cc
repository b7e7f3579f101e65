// Workload Services.
#include "resources/services.h"

namespace meshform::resources {

json ServiceObject(const topology::Workload& w) {
  json ports = json::array();
  for (const auto& p : w.ports) {
    json port = {{"port", p.port}, {"name", p.name}};
    if (p.target_port != 0 && p.target_port != p.port) port["targetPort"] = p.target_port;
    // Always sent: server-side apply keys Service ports by (port, protocol), and v1.20 API
    // servers refuse an item that omits a key field.
    port["protocol"] = p.protocol.empty() ? "TCP" : p.protocol;
    ports.push_back(port);
  }
  json app = {{"app", w.name}};
  return {{"apiVersion", "v1"},
          {"kind", "Service"},
          {"metadata", {{"name", w.name}, {"namespace", w.namespace_}, {"labels", app}}},
          {"spec", {{"ports", ports}, {"selector", app}}}};
}

void CompileServices(const topology::Topology& t, ResourceSet& out) {
  // Karmada propagates the Service template of the control plane (karmada_policies.h).
  if (t.federation.type == topology::FederationType::kKarmada) return;
  for (const auto& w : t.workloads) {
    if (w.ports.empty()) continue;
    json service = ServiceObject(w);  // the same in every cluster: built once, copied
    for (const auto& cluster : w.placement)
      out.push_back(MakeObject(cluster, service, t.name, w.location));
  }
}

}  // namespace meshform::resources
