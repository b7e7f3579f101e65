// Karmada join objects, member and control-plane side.
#include "resources/karmada_join.h"

#include "resources/kubefed_join.h"
#include "resources/placeholder.h"
#include "resources/values.h"

namespace meshform::resources {

json KarmadaCredentialsSecretObject(const std::string& ns, const std::string& member,
                                    const std::string& token_address) {
  json data = {{"caBundle", MakePlaceholder(EndpointAddress(member), "caData")},
               {"token", MakePlaceholder(token_address, "token", "base64")}};
  return {{"apiVersion", "v1"},
          {"kind", "Secret"},
          {"metadata", {{"name", member}, {"namespace", ns}}},
          {"data", data}};
}

json KarmadaClusterObject(const std::string& ns, const std::string& member) {
  json spec = {{"syncMode", "Push"},
               {"apiEndpoint", MakePlaceholder(EndpointAddress(member), "server")},
               {"secretRef", {{"namespace", ns}, {"name", member}}}};
  return {{"apiVersion", "cluster.karmada.io/v1alpha1"},
          {"kind", "Cluster"},
          {"metadata", {{"name", member}}},
          {"spec", spec}};
}

void CompileKarmadaJoin(const topology::Topology& t, ResourceSet& out) {
  if (t.federation.type != topology::FederationType::kKarmada) return;
  const std::string& ns = t.federation.namespace_;
  const std::string& host = t.federation.host;
  for (const auto& m : t.clusters) {
    std::string sa = "karmada-" + m.name;
    std::string token = CompileJoinCredentials(t, m, sa, "karmada-controller-manager:" + sa, out);
    out.push_back(MakeObject(host, KarmadaCredentialsSecretObject(ns, m.name, token), t.name,
                             t.federation.location));
    out.push_back(
        MakeObject(host, KarmadaClusterObject(ns, m.name), t.name, t.federation.location));
  }
}

}  // namespace meshform::resources
