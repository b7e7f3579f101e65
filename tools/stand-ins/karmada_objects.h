// What Karmada's controllers compute for a resource template (karmada-io/karmada, policy.karmada.io
// and work.karmada.io as documented: PropagationPolicy, OverridePolicy, ResourceBinding), as pure
// functions for the stand-in (karmada_sync.h): which policy claims a template, the clusters it
// places it on, the member object with the overrides applied, its health, and the
// ResourceBinding with its status.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace meshform::standins {

// Labels Karmada puts on the member objects it creates (it deletes only objects with the first)
// and, the policy's, on the templates a PropagationPolicy claims.
inline constexpr const char* kKarmadaManagedLabel = "karmada.io/managed";
inline constexpr const char* kPolicyNameLabel = "propagationpolicy.karmada.io/name";
inline constexpr const char* kPolicyNamespaceLabel = "propagationpolicy.karmada.io/namespace";
// The finalizer the stand-in keeps on a claimed template until its member objects are deleted
// (Karmada keeps this one on the template's ResourceBinding; see README.md).
inline constexpr const char* kKarmadaFinalizer = "karmada.io/binding-controller";

// A template kind the stand-in propagates.
struct TemplateKind {
  std::string api_version;  // "apps/v1"
  std::string kind;         // "Deployment"
};
const std::vector<TemplateKind>& TemplateKinds();

// True when one of `policy`'s spec.resourceSelectors selects `object`: apiVersion and kind
// equal, namespace (default: the policy's) and name equal when given, labelSelector.matchLabels
// held by the object's labels.
bool SelectsTemplate(const nlohmann::json& policy, const nlohmann::json& object);

// The Cluster names (in `members` order) a PropagationPolicy places on:
// spec.placement.clusterAffinity.clusterNames minus its exclude; no clusterAffinity: every
// member.
std::vector<std::string> PlacedClusters(const nlohmann::json& policy,
                                        const std::vector<std::string>& members);

// Applies the overrideRules of `override_policy` whose targetCluster.clusterNames name
// `cluster` (no targetCluster: every cluster): plaintext overriders as one RFC 6902 patch
// (operator add, remove or replace), then labelsOverrider (add/replace set, remove deletes
// metadata.labels keys). Throws std::runtime_error naming the policy when a path does not
// resolve.
void ApplyOverridePolicy(nlohmann::json& object, const nlohmann::json& override_policy,
                         const std::string& cluster);

// The member object of `tmpl` for `cluster`: apiVersion, kind, metadata name, namespace,
// labels (plus karmada.io/managed and the policy's labels) and annotations (less the ones
// controllers write), everything else of the template but status (a Service's clusterIP(s)
// dropped, as Karmada does); then the override policies, in order.
nlohmann::json MemberObject(const nlohmann::json& tmpl, const nlohmann::json& policy,
                            const std::vector<nlohmann::json>& override_policies,
                            const std::string& cluster);

// Karmada's health of a member object: a Deployment is "Healthy" once its generation is
// observed and updated and available replicas reach spec.replicas (else "Unhealthy"); other
// kinds are "Healthy".
std::string Health(const nlohmann::json& live);

// One cluster's entry of the binding's status.aggregatedStatus.
struct ClusterResult {
  bool applied = false;
  std::string message;  // why not applied
  std::string health;   // "Healthy", "Unhealthy" or "Unknown"
};

// The ResourceBinding of `tmpl` (work.karmada.io/v1alpha2, named <name>-<kind> in lower case,
// in its namespace, owned by the template): spec.resource, spec.replicas (a Deployment's),
// spec.clusters [{name, replicas}], spec.placement (the policy's).
nlohmann::json BindingObject(const nlohmann::json& tmpl, const nlohmann::json& policy,
                             const std::vector<std::string>& clusters);
std::string BindingName(const nlohmann::json& tmpl);

// The binding's status: schedulerObservedGeneration, conditions Scheduled (True) and
// FullyApplied (True when every cluster is applied; lastTransitionTime kept while the status
// stays), aggregatedStatus [{clusterName, applied, appliedMessage, health}] sorted by name.
nlohmann::json BindingStatus(const nlohmann::json& binding,
                             const std::map<std::string, ClusterResult>& results,
                             const std::string& now);

}  // namespace meshform::standins
