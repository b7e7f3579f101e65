// Ordering rules between kinds, as data: a table of rules, each naming what a resource
// provides and what it requires; every resource that requires a key depends on every resource
// (in the same cluster: keys include it) that provides it. A key nobody provides adds nothing
// (the thing is expected to exist already, like the `default` namespace).
//
// | rule                              | provider                  | dependent |
// |-----------------------------------|---------------------------|----------------------------------|
// | crds-before-custom-resources      | CRD (group, kind)         | objects of that group and kind
// | | namespaces-before-contents        | Namespace                 | namespaced objects in it | |
// service-accounts-before-users     | ServiceAccount            | bindings naming it, its token |
// |                                   |                           | Secrets, pods running as it |
// | roles-before-bindings             | ClusterRole / Role        | bindings whose roleRef names it
// | | injector-before-injected-ns       | MutatingWebhookConfig.    | Namespaces labelled | | | |
// istio-injection=enabled          | | mounted-config-before-workloads   | Secret / ConfigMap | pod
// templates mounting it        | | values-before-placeholders        | value resource            |
// resources whose placeholders     | |                                   | | name it |
#pragma once

#include <string>
#include <vector>

#include "resources/resource.h"

namespace meshform::resources {

using Keys = std::vector<std::string>;

struct OrderingRule {
  const char* name;
  Keys (*provides)(const Resource&);
  Keys (*requires_)(const Resource&);
};

const std::vector<OrderingRule>& OrderingRules();

// Adds to every resource's depends_on the dependencies the rules imply. Linear in the number of
// resources (one hash table per rule).
void ApplyOrderingRules(ResourceSet& set, const std::vector<OrderingRule>& rules = OrderingRules());

}  // namespace meshform::resources
