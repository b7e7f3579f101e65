// KubeFed join objects, member and host side.
#include "resources/kubefed_join.h"

#include "resources/namespaces.h"
#include "resources/placeholder.h"
#include "resources/values.h"

namespace meshform::resources {

namespace {

std::string RoleName(const std::string& sa) { return "kubefed-controller-manager:" + sa; }
std::string HostSecretName(const std::string& member) { return member + "-credentials"; }

void CompileMember(const topology::Topology& t, const topology::Cluster& m, ResourceSet& out) {
  const std::string& ns = t.federation.namespace_;
  std::string sa = m.name + "-" + t.federation.host;
  std::string token = CompileJoinCredentials(t, m, sa, RoleName(sa), out);
  const std::string& host = t.federation.host;
  out.push_back(
      MakeObject(host, KubefedHostSecretObject(ns, m.name, token), t.name, t.federation.location));
  out.push_back(MakeObject(host, KubefedClusterObject(ns, m.name), t.name, t.federation.location));
}

}  // namespace

std::string CompileJoinCredentials(const topology::Topology& t, const topology::Cluster& m,
                                   const std::string& sa, const std::string& role,
                                   ResourceSet& out) {
  const std::string& ns = t.federation.namespace_;
  out.push_back(MakeObject(m.name, NamespaceObject(ns), t.name, t.federation.location));
  for (json object : {KubefedServiceAccountObject(ns, sa), KubefedClusterRoleObject(role),
                      KubefedClusterRoleBindingObject(ns, sa, role)})
    out.push_back(MakeObject(m.name, object, t.name, t.federation.location));
  Resource secret =
      MakeObject(m.name, KubefedTokenSecretObject(ns, sa), t.name, t.federation.location);
  out.push_back(TokenValue(m.name, ns, sa, sa, secret.address, t.federation.location));
  out.push_back(std::move(secret));
  return TokenAddress(m.name, ns, sa);
}

json KubefedServiceAccountObject(const std::string& ns, const std::string& name) {
  return {{"apiVersion", "v1"},
          {"kind", "ServiceAccount"},
          {"metadata",
           {{"name", name},
            {"namespace", ns},
            {"annotations", {{"kubernetes.io/enforce-mountable-secrets", "true"}}}}},
          {"automountServiceAccountToken", false}};
}

json KubefedTokenSecretObject(const std::string& ns, const std::string& name) {
  return {{"apiVersion", "v1"},
          {"kind", "Secret"},
          {"metadata",
           {{"name", name},
            {"namespace", ns},
            {"annotations", {{"kubernetes.io/service-account.name", name}}}}},
          {"type", "kubernetes.io/service-account-token"}};
}

json KubefedClusterRoleObject(const std::string& role) {
  json all = {{"apiGroups", {"*"}}, {"resources", {"*"}}, {"verbs", {"*"}}};
  json non_resource = {{"nonResourceURLs", {"*"}}, {"verbs", {"get"}}};
  return {{"apiVersion", "rbac.authorization.k8s.io/v1"},
          {"kind", "ClusterRole"},
          {"metadata", {{"name", role}}},
          {"rules", {all, non_resource}}};
}

json KubefedClusterRoleBindingObject(const std::string& ns, const std::string& sa,
                                     const std::string& role) {
  json subject = {{"kind", "ServiceAccount"}, {"name", sa}, {"namespace", ns}};
  return {{"apiVersion", "rbac.authorization.k8s.io/v1"},
          {"kind", "ClusterRoleBinding"},
          {"metadata", {{"name", role}}},
          {"roleRef",
           {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "ClusterRole"}, {"name", role}}},
          {"subjects", {subject}}};
}

json KubefedHostSecretObject(const std::string& ns, const std::string& member,
                             const std::string& token_address) {
  return {{"apiVersion", "v1"},
          {"kind", "Secret"},
          {"metadata", {{"name", HostSecretName(member)}, {"namespace", ns}}},
          {"data", {{"token", MakePlaceholder(token_address, "token", "base64")}}}};
}

json KubefedClusterObject(const std::string& ns, const std::string& member) {
  std::string endpoint = EndpointAddress(member);
  json spec = {{"apiEndpoint", MakePlaceholder(endpoint, "server")},
               {"caBundle", MakePlaceholder(endpoint, "caData")},
               {"secretRef", {{"name", HostSecretName(member)}}},
               {"proxyURL", ""}};
  return {{"apiVersion", "core.kubefed.io/v1beta1"},
          {"kind", "KubeFedCluster"},
          {"metadata", {{"name", member}, {"namespace", ns}}},
          {"spec", spec}};
}

void CompileKubefedJoin(const topology::Topology& t, ResourceSet& out) {
  if (t.federation.type != topology::FederationType::kKubefed) return;
  for (const auto& m : t.clusters) CompileMember(t, m, out);
}

}  // namespace meshform::resources
