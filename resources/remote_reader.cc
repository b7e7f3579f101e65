// The istio-reader ServiceAccount, its RBAC and token, and the remote secrets.
#include "resources/remote_reader.h"

#include "resources/multi_primary.h"
#include "resources/placeholder.h"
#include "resources/values.h"

namespace meshform::resources {

namespace {

const char* kTokenSecret = "istio-reader-service-account-istio-remote-secret-token";

json ReaderLabels() {
  return {{"app", "istio-reader"},
          {"app.kubernetes.io/name", "istio-reader"},
          {"app.kubernetes.io/part-of", "istio"},
          {"release", "istio"}};
}

std::string ReaderRoleName(const std::string& revision) {
  std::string name = "istio-reader-clusterrole";
  if (!revision.empty()) name += "-" + revision;
  return name + "-" + kIstioNamespace;
}

json Rule(const json& groups, const json& resources, const json& verbs) {
  return {{"apiGroups", groups}, {"resources", resources}, {"verbs", verbs}};
}

json ReaderRules() {
  json read = {"get", "list", "watch"};
  return {Rule({"config.istio.io", "security.istio.io", "networking.istio.io",
                "authentication.istio.io", "rbac.istio.io", "telemetry.istio.io",
                "extensions.istio.io"},
               {"*"}, read),
          Rule({""},
               {"endpoints", "pods", "services", "nodes", "replicationcontrollers", "namespaces",
                "secrets", "configmaps"},
               read),
          Rule({"networking.istio.io"}, {"workloadentries"}, {"get", "watch", "list"}),
          Rule({"networking.x-k8s.io", "gateway.networking.k8s.io"}, {"gateways"},
               {"get", "watch", "list"}),
          Rule({"apiextensions.k8s.io"}, {"customresourcedefinitions"}, read),
          Rule({"discovery.k8s.io"}, {"endpointslices"}, read),
          Rule({"multicluster.x-k8s.io"}, {"serviceexports"},
               {"get", "list", "watch", "create", "delete"}),
          Rule({"multicluster.x-k8s.io"}, {"serviceimports"}, read),
          Rule({"apps"}, {"replicasets"}, read),
          Rule({"authentication.k8s.io"}, {"tokenreviews"}, {"create"}),
          Rule({"authorization.k8s.io"}, {"subjectaccessreviews"}, {"create"})};
}

void CompileReadCluster(const topology::Topology& t, const topology::Cluster& c, ResourceSet& out) {
  const std::string& rev = t.mesh.control_plane.revision;
  for (json object : {ReaderServiceAccountObject(), ReaderClusterRoleObject(rev),
                      ReaderClusterRoleBindingObject(rev)})
    out.push_back(MakeObject(c.name, object, t.name, c.location));
  Resource secret = MakeObject(c.name, ReaderTokenSecretObject(), t.name, c.location);
  out.push_back(TokenValue(c.name, kIstioNamespace, kReaderServiceAccount, kTokenSecret,
                           secret.address, c.location));
  out.push_back(std::move(secret));
  out.push_back(KubeconfigValue(c.name, kIstioNamespace, kReaderServiceAccount, c.location));
}

}  // namespace

json ReaderServiceAccountObject() {
  return {{"apiVersion", "v1"},
          {"kind", "ServiceAccount"},
          {"metadata",
           {{"name", kReaderServiceAccount},
            {"namespace", kIstioNamespace},
            {"labels", ReaderLabels()}}}};
}

json ReaderClusterRoleObject(const std::string& revision) {
  return {{"apiVersion", "rbac.authorization.k8s.io/v1"},
          {"kind", "ClusterRole"},
          {"metadata", {{"name", ReaderRoleName(revision)}, {"labels", ReaderLabels()}}},
          {"rules", ReaderRules()}};
}

json ReaderClusterRoleBindingObject(const std::string& revision) {
  std::string name = ReaderRoleName(revision);
  json subject = {
      {"kind", "ServiceAccount"}, {"name", kReaderServiceAccount}, {"namespace", kIstioNamespace}};
  return {{"apiVersion", "rbac.authorization.k8s.io/v1"},
          {"kind", "ClusterRoleBinding"},
          {"metadata", {{"name", name}, {"labels", ReaderLabels()}}},
          {"roleRef",
           {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "ClusterRole"}, {"name", name}}},
          {"subjects", {subject}}};
}

json ReaderTokenSecretObject() {
  return {{"apiVersion", "v1"},
          {"kind", "Secret"},
          {"metadata",
           {{"name", kTokenSecret},
            {"namespace", kIstioNamespace},
            {"annotations", {{"kubernetes.io/service-account.name", kReaderServiceAccount}}}}},
          {"type", "kubernetes.io/service-account-token"}};
}

json RemoteSecretObject(const std::string& read_cluster) {
  std::string kubeconfig = KubeconfigAddress(read_cluster, kIstioNamespace, kReaderServiceAccount);
  return {{"apiVersion", "v1"},
          {"kind", "Secret"},
          {"metadata",
           {{"name", "istio-remote-secret-" + read_cluster},
            {"namespace", kIstioNamespace},
            {"annotations", {{"networking.istio.io/cluster", read_cluster}}},
            {"labels", {{"istio/multiCluster", "true"}}}}},
          {"stringData", {{read_cluster, MakePlaceholder(kubeconfig, "kubeconfig")}}}};
}

void CompileRemoteReaders(const topology::Topology& t, ResourceSet& out) {
  for (const auto& c : t.clusters) {
    std::vector<std::string> readers = ReadersOf(t, c);
    if (readers.empty()) continue;
    CompileReadCluster(t, c, out);
    for (const auto& primary : readers)
      out.push_back(MakeObject(primary, RemoteSecretObject(c.name), t.name, c.location));
  }
}

}  // namespace meshform::resources
