// Karmada templates, PropagationPolicies and OverridePolicies.
#include "resources/karmada_policies.h"

#include "resources/karmada_crds.h"
#include "resources/karmada_join.h"
#include "resources/namespaces.h"
#include "resources/services.h"
#include "resources/workloads.h"

namespace meshform::resources {

namespace {

constexpr const char* kPolicyApiVersion = "policy.karmada.io/v1alpha1";

json ResourceSelectors(const topology::Workload& w, bool with_service) {
  json selectors = json::array();
  selectors.push_back({{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", w.name}});
  if (with_service && !w.ports.empty())
    selectors.push_back({{"apiVersion", "v1"}, {"kind", "Service"}, {"name", w.name}});
  return selectors;
}

json PolicyObject(const char* kind, const topology::Workload& w, json spec) {
  return {{"apiVersion", kPolicyApiVersion},
          {"kind", kind},
          {"metadata", {{"name", w.name}, {"namespace", w.namespace_}}},
          {"spec", std::move(spec)}};
}

// Karmada's plaintext overrider: {path, operator, value}, operator add, remove or replace.
json Plaintext(const json& patches) {
  json out = json::array();
  for (const auto& p : patches)
    out.push_back({{"path", p["path"]},
                   {"operator", p.value("op", std::string("replace"))},
                   {"value", p["value"]}});
  return out;
}

// The template `r` (in the host) after the Cluster object and the namespace of each member of
// the workload's placement, and after the ResourceBinding CRD.
void DependOnMembers(const topology::Topology& t, const topology::Workload& w, Resource& r) {
  const std::string& host = t.federation.host;
  DependOn(r, ObjectAddress(host, KarmadaBindingCrdObject()));
  for (const auto& member : w.placement) {
    DependOn(r, ObjectAddress(host, KarmadaClusterObject(t.federation.namespace_, member)));
    DependOn(r, ObjectAddress(member, NamespaceObject(w.namespace_)));
  }
}

}  // namespace

json PropagationPolicyObject(const topology::Workload& w) {
  json spec = {{"resourceSelectors", ResourceSelectors(w, true)},
               {"placement",
                {{"clusterAffinity", {{"clusterNames", w.placement}}},
                 {"replicaScheduling", {{"replicaSchedulingType", "Duplicated"}}}}}};
  return PolicyObject("PropagationPolicy", w, std::move(spec));
}

json OverridePolicyObject(const topology::Workload& w) {
  json rules = json::array();
  for (const auto& cluster : w.placement) {
    json patches = OverridePatches(w, cluster);
    if (patches.empty()) continue;
    rules.push_back({{"targetCluster", {{"clusterNames", {cluster}}}},
                     {"overriders", {{"plaintext", Plaintext(patches)}}}});
  }
  if (rules.empty()) return nullptr;
  json spec = {{"resourceSelectors", ResourceSelectors(w, false)}, {"overrideRules", rules}};
  return PolicyObject("OverridePolicy", w, std::move(spec));
}

void CompileKarmadaPolicies(const topology::Topology& t, ResourceSet& out) {
  if (t.federation.type != topology::FederationType::kKarmada) return;
  const std::string& host = t.federation.host;
  for (const auto& w : t.workloads) {
    Resource policy = MakeObject(host, PropagationPolicyObject(w), t.name, w.location);
    json templates[] = {DeploymentObject(w), w.ports.empty() ? json() : ServiceObject(w)};
    for (auto& object : templates) {
      if (object.is_null()) continue;
      Resource r = MakeObject(host, std::move(object), t.name, w.location);
      DependOnMembers(t, w, r);
      DependOn(policy, r.address);
      out.push_back(std::move(r));
    }
    if (json overrides = OverridePolicyObject(w); !overrides.is_null()) {
      Resource r = MakeObject(host, std::move(overrides), t.name, w.location);
      DependOn(policy, r.address);
      out.push_back(std::move(r));
    }
    out.push_back(std::move(policy));
  }
}

}  // namespace meshform::resources
