// Letting a primary's istiod read another cluster, as `istioctl create-remote-secret` does.
//
// In the cluster that is read (a remote, or any other cluster in multi-primary):
//   ServiceAccount istio-system/istio-reader-service-account (the base chart's labels),
//   ClusterRole + ClusterRoleBinding istio-reader-clusterrole[-<revision>]-istio-system (the
//   istiod chart's reader rules), the token Secret
//   istio-system/istio-reader-service-account-istio-remote-secret-token
//   (type kubernetes.io/service-account-token), and the values token/..., endpoint/<cluster>
//   and kubeconfig/<cluster>/istio-system/istio-reader-service-account.
// In every primary that reads it:
//   Secret istio-system/istio-remote-secret-<cluster>: label istio/multiCluster "true",
//   annotation networking.istio.io/cluster: <cluster>, no type, stringData {<cluster>: kubeconfig}.
#pragma once

#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::resources {

inline constexpr const char* kReaderServiceAccount = "istio-reader-service-account";

void CompileRemoteReaders(const topology::Topology& t, ResourceSet& out);

json ReaderServiceAccountObject();
json ReaderClusterRoleObject(const std::string& revision);
json ReaderClusterRoleBindingObject(const std::string& revision);
json ReaderTokenSecretObject();
json RemoteSecretObject(const std::string& read_cluster);

}  // namespace meshform::resources
