// Ordering rules between kinds, as data: a table of rules, each naming what a resource
// provides and what it requires; every resource that requires a key depends on every resource
// (in the same cluster: keys include it) that provides it. A key nobody provides adds nothing
// (the thing is expected to exist already, like the `default` namespace).
//
// clang-format off
// | rule                                | provider              | dependents                         |
// |-------------------------------------|-----------------------|------------------------------------|
// | crds-before-custom-resources        | CRD (group, kind)     | objects of that group and kind     |
// | namespaces-before-contents          | Namespace             | namespaced objects in it           |
// | service-accounts-before-users       | ServiceAccount        | bindings naming it, its token      |
// |                                     |                       | Secrets, pods running as it        |
// | roles-before-bindings               | ClusterRole / Role    | bindings whose roleRef names it    |
// | injector-before-injected-namespaces | MutatingWebhookConfig | Namespaces labelled                |
// |                                     |                       | istio-injection=enabled            |
// | mounted-config-before-workloads     | Secret / ConfigMap    | pod templates mounting it          |
// | webhook-services-before-webhook-    | Service               | webhook configurations whose       |
// |   configurations                    |                       | clientConfig.service names it      |
// | kubefed-members-before-federated-   | KubeFedCluster;       | federated objects (types.kubefed.io)|
// |   objects                           | Namespace in a member | whose placement.clusters name it   |
// |                                     | (across clusters)     | (member named as its cluster)      |
// | karmada-members-before-policies     | Cluster (karmada);    | policies (policy.karmada.io) whose |
// |                                     | Namespace in a member | clusterNames name it (member named |
// |                                     | (across clusters)     | as its cluster)                    |
// | values-before-placeholders          | value resource        | resources whose placeholders name it |
// clang-format on
//
// A destroy deletes dependents before what they depend on, the reverse of every rule, with one
// exception (DestroyKeepsOrder): injector-before-injected-namespaces. A namespace whose pods
// are being deleted needs no injector, so the injector's webhook configuration and the injected
// namespaces are deleted at once; otherwise the webhook waits for the injected namespaces to be
// gone, and the istiod Service it calls (and so istio-system) for the webhook: two namespace
// deletions (each at least the namespace controller's 5 s grace) in a row instead of side by side.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "resources/resource.h"

namespace meshform::resources {

using Keys = std::vector<std::string>;

// What the rules look at, read once per resource (rules run over every resource several times,
// and looking fields up in the object each time was most of the cost of compiling).
struct RuleSubject {
  const Resource* resource = nullptr;
  std::string_view api_version, kind, ns, name;  // empty for values
  const json* pod_spec = nullptr;                // a Pod's spec or a workload's pod template spec
};

RuleSubject MakeRuleSubject(const Resource& r);

struct OrderingRule {
  const char* name;
  Keys (*provides)(const RuleSubject&);
  Keys (*requires_)(const RuleSubject&);
};

const std::vector<OrderingRule>& OrderingRules();

// Whether a destroy deletes `dependent` before `dependency` (an edge dependent → dependency of
// depends_on): true but for the edges of injector-before-injected-namespaces (a Namespace on a
// MutatingWebhookConfiguration).
bool DestroyKeepsOrder(const Resource& dependent, const Resource& dependency);

// Adds to every resource's depends_on the dependencies the rules imply. Linear in the number of
// resources (one hash table per rule).
void ApplyOrderingRules(ResourceSet& set, const std::vector<OrderingRule>& rules = OrderingRules());

}  // namespace meshform::resources
