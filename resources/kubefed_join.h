// Joining every cluster to the KubeFed host, as `kubefedctl join <member>
// --host-cluster-context <host>` (v0.10.0, scope Cluster) does. With S = "<member>-<host>":
// in the member: Namespace kube-federation-system, ServiceAccount S (annotation
// kubernetes.io/enforce-mountable-secrets "true", automountServiceAccountToken false), token
// Secret S (type kubernetes.io/service-account-token), ClusterRole and ClusterRoleBinding
// kubefed-controller-manager:S (all resources, all verbs; nonResourceURLs get);
// in the host: Secret <member>-credentials {token} and KubeFedCluster <member> with the
// member's API endpoint and CA. The host joins itself too, as in the seed.
// Deviation: kubefedctl names the host Secret with generateName "<member>-"; a declarative
// engine needs a stable name, so meshform uses "<member>-credentials".
#pragma once

#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::resources {

void CompileKubefedJoin(const topology::Topology& t, ResourceSet& out);

// The member side of a join, shared with Karmada's (karmada_join.h): in member `m`, the
// federation's namespace, ServiceAccount `sa`, its token Secret and token value, ClusterRole
// `role` (everything) and its ClusterRoleBinding to `sa`. Returns the token value's address.
std::string CompileJoinCredentials(const topology::Topology& t, const topology::Cluster& m,
                                   const std::string& sa, const std::string& role,
                                   ResourceSet& out);

json KubefedServiceAccountObject(const std::string& ns, const std::string& name);
json KubefedTokenSecretObject(const std::string& ns, const std::string& name);
json KubefedClusterRoleObject(const std::string& role);
json KubefedClusterRoleBindingObject(const std::string& ns, const std::string& sa,
                                     const std::string& role);
json KubefedHostSecretObject(const std::string& ns, const std::string& member,
                             const std::string& token_address);
json KubefedClusterObject(const std::string& ns, const std::string& member);

}  // namespace meshform::resources
