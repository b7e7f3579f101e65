// Joining every cluster to Karmada in Push mode, as `karmadactl join <member>
// --cluster-context <member>` does: in the member, the federation namespace, ServiceAccount
// karmada-<member>, its token Secret, ClusterRole and ClusterRoleBinding
// karmada-controller-manager:karmada-<member> (all resources, all verbs) — made as for KubeFed
// (kubefed_join.h, CompileJoinCredentials); in the Karmada control plane (the host), Secret
// <namespace>/<member> {caBundle, token} and the Cluster <member> (cluster.karmada.io/v1alpha1,
// Cluster-scoped): syncMode Push, apiEndpoint and secretRef. The host joins itself too.
// Deviations: karmadactl keeps the credentials in namespace karmada-cluster and also makes an
// impersonator ServiceAccount; meshform uses federation.namespace (default karmada-system) and
// no impersonation.
#pragma once

#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::resources {

void CompileKarmadaJoin(const topology::Topology& t, ResourceSet& out);

json KarmadaClusterObject(const std::string& ns, const std::string& member);
json KarmadaCredentialsSecretObject(const std::string& ns, const std::string& member,
                                    const std::string& token_address);

}  // namespace meshform::resources
