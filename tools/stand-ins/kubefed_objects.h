// What KubeFed's sync controller (kubernetes-retired/kubefed v0.10, pkg/controller/sync) computes
// for a federated object, as pure functions for the stand-in (kubefed_sync.h): the federated
// types and their targets, the placement, the target object of a member cluster with the
// overrides applied, whether a live object is in sync with it, and the federated status.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace meshform::standins {

// The label KubeFed puts on every object it creates in a member cluster; it deletes only
// objects that carry it.
inline constexpr const char* kKubefedManagedLabel = "kubefed.io/managed";
// The finalizer the sync controller keeps on a federated object until its member objects are
// deleted.
inline constexpr const char* kKubefedFinalizer = "kubefed.io/sync-controller";

// A federated type (FederatedTypeConfig): Federated<Kind> in types.kubefed.io/v1beta1 and its
// target kind in the member clusters.
struct FederatedType {
  std::string federated_kind;      // "FederatedDeployment"
  std::string target_api_version;  // "apps/v1"
  std::string target_kind;         // "Deployment"
  bool target_namespaced = true;   // false for Namespace (FederatedNamespace <ns>/<ns>)
};

// The types KubeFed's chart enables that meshform may write (namespaces, deployments.apps,
// services, secrets, configmaps, serviceaccounts).
const std::vector<FederatedType>& FederatedTypes();

// A joined member cluster (a KubeFedCluster): its KubeFed name and labels.
struct KubefedMember {
  std::string name;
  nlohmann::json labels = nlohmann::json::object();
};

// The member names `federated` is placed on, in `members` order: spec.placement.clusters when
// present (even empty); else spec.placement.clusterSelector matched against the members'
// labels (matchLabels, matchExpressions In/NotIn/Exists/DoesNotExist; {} selects all); no
// placement selects none. Names of clusters that are not members are dropped.
std::vector<std::string> PlacedClusters(const nlohmann::json& federated,
                                        const std::vector<KubefedMember>& members);

// Applies spec.overrides[clusterName == cluster].clusterOverrides to `object` as one JSON patch
// (RFC 6902), as KubeFed's ApplyJsonPatch does: op defaults to "replace" (the path must exist),
// "add" (objects: sets the key; arrays: inserts at the index, "-" appends), "remove" (must
// exist). Throws std::runtime_error naming the override when the patch does not apply; then
// the cluster's status is ApplyOverridesFailed.
void ApplyOverrides(nlohmann::json& object, const nlohmann::json& federated,
                    const std::string& cluster);

// The object for `cluster`: spec.template with apiVersion and kind of the target, metadata.name
// and namespace from the federated object (FederatedNamespace: the name only), the template's
// labels plus kubefed.io/managed=true, then the overrides.
nlohmann::json TargetObject(const FederatedType& type, const nlohmann::json& federated,
                            const std::string& cluster);

// True when the live object holds every field of `desired` with the same value (maps: by key;
// arrays: the same length, element by element). Server defaults and fields of other writers
// in the live object are ignored, as KubeFed's version comparison ignores them.
bool Holds(const nlohmann::json& live, const nlohmann::json& desired);

// Before an update, keeps what member clusters set (KubeFed's RetainClusterFields):
// resourceVersion, finalizers and annotations of `live`; for a Service its clusterIP(s),
// healthCheckNodePort and the nodePort of each matching port; for a ServiceAccount its secrets
// when `desired` has none.
void RetainClusterFields(nlohmann::json& desired, const nlohmann::json& live);

// True when `live` carries kubefed.io/managed=true.
bool IsManaged(const nlohmann::json& live);

// Per placed cluster: "" when in sync, else KubeFed's PropagationStatus ("CreationFailed",
// "AlreadyExists", "ApplyOverridesFailed", "WaitingForRemoval", ...).
using ClusterStatuses = std::map<std::string, std::string>;

// The federated object's new status, from its current one: observedGeneration, the
// Propagation condition (True with no reason when every cluster is "", else False with reason
// CheckClusters; lastTransitionTime kept while status and reason stay) and clusters[] sorted by
// name, `status` only when not in sync. `now` is RFC 3339.
nlohmann::json FederatedStatus(const nlohmann::json& federated, const ClusterStatuses& clusters,
                               const std::string& now);

// The same status, ignoring the condition's times: whether a write is needed.
bool SameStatus(const nlohmann::json& a, const nlohmann::json& b);

}  // namespace meshform::standins
