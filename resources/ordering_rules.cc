// The ordering rules table (see ordering.h): what each kind provides and requires.
#include "resources/ordering.h"
#include "resources/placeholder.h"

namespace meshform::resources {

namespace {

std::string_view Group(std::string_view api_version) {
  auto slash = api_version.find('/');
  return slash == std::string_view::npos ? std::string_view() : api_version.substr(0, slash);
}

// The key of a rule: the resource's cluster and the parts, separated by '|'.
std::string Key(const RuleSubject& s, std::initializer_list<std::string_view> parts) {
  const std::string& cluster = s.resource->cluster;
  size_t size = cluster.size();
  for (auto p : parts) size += p.size() + 1;
  std::string key;
  key.reserve(size);
  key.append(cluster);
  for (auto p : parts) key.append("|").append(p);
  return key;
}

// The string member `key` of `j`, or "" (also when `j` is not an object).
std::string_view StringField(const json& j, const char* key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? std::string_view(it->get_ref<const std::string&>())
                                          : std::string_view();
}

const json* Field(const json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

const json& Object(const RuleSubject& s) { return s.resource->object; }

Keys CrdProvides(const RuleSubject& s) {
  const json* spec = s.kind == "CustomResourceDefinition" ? Field(Object(s), "spec") : nullptr;
  if (spec == nullptr) return {};
  const json* names = Field(*spec, "names");
  return {Key(s, {StringField(*spec, "group"), names ? StringField(*names, "kind") : ""})};
}
Keys CrdRequires(const RuleSubject& s) {
  std::string_view group = Group(s.api_version);
  if (group.empty()) return {};
  return {Key(s, {group, s.kind})};
}

Keys NamespaceProvides(const RuleSubject& s) {
  if (s.kind != "Namespace" || s.api_version != "v1") return {};
  return {Key(s, {s.name})};
}
Keys NamespaceRequires(const RuleSubject& s) {
  return s.ns.empty() ? Keys{} : Keys{Key(s, {s.ns})};
}

bool IsBinding(const RuleSubject& s) {
  return s.kind == "RoleBinding" || s.kind == "ClusterRoleBinding";
}

Keys ServiceAccountProvides(const RuleSubject& s) {
  if (s.kind != "ServiceAccount") return {};
  return {Key(s, {s.ns, s.name})};
}
Keys ServiceAccountRequires(const RuleSubject& s) {
  Keys keys;
  const json* subjects = IsBinding(s) ? Field(Object(s), "subjects") : nullptr;
  if (subjects != nullptr && subjects->is_array()) {
    for (const auto& subject : *subjects) {
      if (StringField(subject, "kind") != "ServiceAccount") continue;
      std::string_view ns = StringField(subject, "namespace");
      keys.push_back(Key(s, {ns.empty() ? s.ns : ns, StringField(subject, "name")}));
    }
  }
  if (s.kind == "Secret") {
    const json* metadata = Field(Object(s), "metadata");
    const json* annotations = metadata ? Field(*metadata, "annotations") : nullptr;
    if (const json* sa =
            annotations ? Field(*annotations, "kubernetes.io/service-account.name") : nullptr;
        sa != nullptr && sa->is_string())
      keys.push_back(Key(s, {s.ns, sa->get_ref<const std::string&>()}));
  }
  if (s.pod_spec != nullptr && Field(*s.pod_spec, "serviceAccountName") != nullptr)
    keys.push_back(Key(s, {s.ns, StringField(*s.pod_spec, "serviceAccountName")}));
  return keys;
}

Keys RoleProvides(const RuleSubject& s) {
  if (s.kind == "ClusterRole") return {Key(s, {"ClusterRole", "", s.name})};
  if (s.kind == "Role") return {Key(s, {"Role", s.ns, s.name})};
  return {};
}
Keys RoleRequires(const RuleSubject& s) {
  const json* ref = IsBinding(s) ? Field(Object(s), "roleRef") : nullptr;
  if (ref == nullptr) return {};
  std::string_view ref_kind = StringField(*ref, "kind");
  std::string_view ns = ref_kind == "Role" ? s.ns : std::string_view();
  return {Key(s, {ref_kind, ns, StringField(*ref, "name")})};
}

Keys InjectorProvides(const RuleSubject& s) {
  if (s.kind != "MutatingWebhookConfiguration") return {};
  return {Key(s, {})};
}
Keys InjectorRequires(const RuleSubject& s) {
  if (s.kind != "Namespace") return {};
  const json* metadata = Field(Object(s), "metadata");
  const json* labels = metadata ? Field(*metadata, "labels") : nullptr;
  if (labels == nullptr || StringField(*labels, "istio-injection") != "enabled") return {};
  return {Key(s, {})};
}

Keys MountedProvides(const RuleSubject& s) {
  if ((s.kind != "Secret" && s.kind != "ConfigMap") || s.api_version != "v1") return {};
  return {Key(s, {s.kind, s.ns, s.name})};
}
Keys MountedRequires(const RuleSubject& s) {
  const json* volumes = s.pod_spec ? Field(*s.pod_spec, "volumes") : nullptr;
  if (volumes == nullptr || !volumes->is_array()) return {};
  Keys keys;
  for (const auto& v : *volumes) {
    if (const json* secret = Field(v, "secret"))
      keys.push_back(Key(s, {"Secret", s.ns, StringField(*secret, "secretName")}));
    if (const json* config_map = Field(v, "configMap"))
      keys.push_back(Key(s, {"ConfigMap", s.ns, StringField(*config_map, "name")}));
  }
  return keys;
}

// A webhook configuration after the Services its webhooks call: apply registers no webhook
// whose Service is missing, and destroy removes the webhook before its Service (and so before
// the Service's namespace is deleted, which would otherwise leave the API server calling a
// webhook that no longer answers).
Keys WebhookServiceProvides(const RuleSubject& s) {
  if (s.kind != "Service" || s.api_version != "v1") return {};
  return {Key(s, {"Service", s.ns, s.name})};
}
Keys WebhookServiceRequires(const RuleSubject& s) {
  if (s.kind != "MutatingWebhookConfiguration" && s.kind != "ValidatingWebhookConfiguration")
    return {};
  const json* webhooks = Field(Object(s), "webhooks");
  if (webhooks == nullptr || !webhooks->is_array()) return {};
  Keys keys;
  for (const auto& w : *webhooks) {
    const json* client = Field(w, "clientConfig");
    const json* service = client ? Field(*client, "service") : nullptr;
    if (service == nullptr) continue;
    keys.push_back(
        Key(s, {"Service", StringField(*service, "namespace"), StringField(*service, "name")}));
  }
  return keys;
}

// KubeFed: a federated object (types.kubefed.io) after the KubeFedClusters its
// spec.placement.clusters names and after its namespace in each of those member clusters
// (meshform names each KubeFedCluster after its topology cluster): so that apply makes the
// namespaces before KubeFed propagates into them (a FederatedNamespace would otherwise create
// the member's namespace before meshform does), and destroy deletes the federated object, and
// so waits until its sync controller has deleted the member objects, before the members'
// namespaces go and before the members leave the federation.
Keys KubefedMemberProvides(const RuleSubject& s) {
  if (s.kind == "Namespace" && s.api_version == "v1") return {Key(s, {s.name})};
  if (s.kind != "KubeFedCluster" || Group(s.api_version) != "core.kubefed.io") return {};
  return {Key(s, {"KubeFedCluster", s.name})};
}
Keys KubefedMemberRequires(const RuleSubject& s) {
  if (Group(s.api_version) != "types.kubefed.io") return {};
  const json* spec = Field(Object(s), "spec");
  const json* placement = spec ? Field(*spec, "placement") : nullptr;
  const json* clusters = placement ? Field(*placement, "clusters") : nullptr;
  if (clusters == nullptr || !clusters->is_array()) return {};
  Keys keys;
  for (const auto& c : *clusters) {
    std::string_view member = StringField(c, "name");
    keys.push_back(Key(s, {"KubeFedCluster", member}));
    // The Namespace s.ns in cluster `member` (keys are "<cluster>|...").
    if (!s.ns.empty()) keys.push_back(std::string(member) + "|" + std::string(s.ns));
  }
  return keys;
}

// Karmada: a policy (policy.karmada.io) after the Cluster objects it names (its placement's
// clusterAffinity.clusterNames, its overrideRules' targetCluster.clusterNames) and after its
// namespace in each of those members (meshform names each Cluster after its topology cluster):
// destroy deletes a policy before the members leave Karmada.
Keys KarmadaMemberProvides(const RuleSubject& s) {
  if (s.kind == "Namespace" && s.api_version == "v1") return {Key(s, {s.name})};
  if (s.kind != "Cluster" || Group(s.api_version) != "cluster.karmada.io") return {};
  return {Key(s, {"KarmadaCluster", s.name})};
}
void AddKarmadaMembers(const RuleSubject& s, const json* affinity, Keys& keys) {
  const json* names = affinity ? Field(*affinity, "clusterNames") : nullptr;
  if (names == nullptr || !names->is_array()) return;
  for (const auto& name : *names) {
    if (!name.is_string()) continue;
    const std::string& member = name.get_ref<const std::string&>();
    keys.push_back(Key(s, {"KarmadaCluster", member}));
    if (!s.ns.empty()) keys.push_back(member + "|" + std::string(s.ns));
  }
}
Keys KarmadaMemberRequires(const RuleSubject& s) {
  if (Group(s.api_version) != "policy.karmada.io") return {};
  const json* spec = Field(Object(s), "spec");
  if (spec == nullptr) return {};
  Keys keys;
  const json* placement = Field(*spec, "placement");
  AddKarmadaMembers(s, placement ? Field(*placement, "clusterAffinity") : nullptr, keys);
  const json* rules = Field(*spec, "overrideRules");
  for (const auto& rule : rules && rules->is_array() ? *rules : json::array())
    AddKarmadaMembers(s, Field(rule, "targetCluster"), keys);
  return keys;
}

Keys ValueProvides(const RuleSubject& s) {
  return s.resource->is_value() ? Keys{s.resource->address} : Keys{};
}
Keys ValueRequires(const RuleSubject& s) {
  Keys keys;
  const Resource& r = *s.resource;
  CollectPlaceholderSources(r.is_value() ? r.value.params : r.object, keys);
  return keys;
}

}  // namespace

const std::vector<OrderingRule>& OrderingRules() {
  static const std::vector<OrderingRule> rules = {
      {"crds-before-custom-resources", CrdProvides, CrdRequires},
      {"namespaces-before-contents", NamespaceProvides, NamespaceRequires},
      {"service-accounts-before-users", ServiceAccountProvides, ServiceAccountRequires},
      {"roles-before-bindings", RoleProvides, RoleRequires},
      {"injector-before-injected-namespaces", InjectorProvides, InjectorRequires},
      {"mounted-config-before-workloads", MountedProvides, MountedRequires},
      {"webhook-services-before-webhook-configurations", WebhookServiceProvides,
       WebhookServiceRequires},
      {"kubefed-members-before-federated-objects", KubefedMemberProvides, KubefedMemberRequires},
      {"karmada-members-before-policies", KarmadaMemberProvides, KarmadaMemberRequires},
      {"values-before-placeholders", ValueProvides, ValueRequires},
  };
  return rules;
}

bool DestroyKeepsOrder(const Resource& dependent, const Resource& dependency) {
  if (!dependent.is_object() || !dependency.is_object()) return true;
  return !(dependent.api_version() == "v1" && dependent.object_kind() == "Namespace" &&
           dependency.object_kind() == "MutatingWebhookConfiguration");
}

}  // namespace meshform::resources
