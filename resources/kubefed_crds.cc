// KubeFed CRDs in the host cluster.
#include "resources/kubefed_crds.h"

namespace meshform::resources {

json CrdObject(const std::string& group, const std::string& kind, const std::string& plural,
               const std::string& version, const json& short_names, const std::string& scope) {
  std::string singular = kind;
  for (auto& ch : singular) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  json names = {
      {"kind", kind}, {"listKind", kind + "List"}, {"plural", plural}, {"singular", singular}};
  if (!short_names.empty()) names["shortNames"] = short_names;
  json schema = {
      {"openAPIV3Schema", {{"type", "object"}, {"x-kubernetes-preserve-unknown-fields", true}}}};
  json v = {{"name", version},
            {"served", true},
            {"storage", true},
            {"schema", schema},
            {"subresources", {{"status", json::object()}}}};
  return {{"apiVersion", "apiextensions.k8s.io/v1"},
          {"kind", "CustomResourceDefinition"},
          {"metadata", {{"name", plural + "." + group}}},
          {"spec", {{"group", group}, {"names", names}, {"scope", scope}, {"versions", {v}}}}};
}

void CompileKubefedCrds(const topology::Topology& t, ResourceSet& out) {
  if (t.federation.type != topology::FederationType::kKubefed) return;
  const json crds[] = {
      CrdObject("core.kubefed.io", "KubeFedCluster", "kubefedclusters", "v1beta1", {"kfc"}),
      CrdObject("types.kubefed.io", "FederatedNamespace", "federatednamespaces", "v1beta1",
                {"fns"}),
      CrdObject("types.kubefed.io", "FederatedDeployment", "federateddeployments", "v1beta1",
                {"fdeploy"})};
  for (const auto& crd : crds)
    out.push_back(MakeObject(t.federation.host, crd, t.name, t.federation.location));
}

}  // namespace meshform::resources
