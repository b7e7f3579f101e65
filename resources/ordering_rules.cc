// The ordering rules table (see ordering.h): what each kind provides and requires.
#include "resources/ordering.h"
#include "resources/placeholder.h"

namespace meshform::resources {

namespace {

std::string Group(const std::string& api_version) {
  auto slash = api_version.find('/');
  return slash == std::string::npos ? "" : api_version.substr(0, slash);
}

std::string Key(const Resource& r, std::initializer_list<std::string> parts) {
  std::string key = r.cluster;
  for (const auto& p : parts) key += "|" + p;
  return key;
}

std::string Str(const json& j, const json::json_pointer& p) {
  return j.contains(p) && j[p].is_string() ? j[p].get<std::string>() : std::string();
}

const json* PodSpec(const Resource& r) {
  static const char* kWorkloads[] = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"};
  std::string kind = r.object_kind();
  if (kind == "Pod") return r.object.contains("spec") ? &r.object["spec"] : nullptr;
  for (const char* k : kWorkloads) {
    if (kind != k) continue;
    static const json::json_pointer p("/spec/template/spec");
    return r.object.contains(p) ? &r.object[p] : nullptr;
  }
  return nullptr;
}

Keys CrdProvides(const Resource& r) {
  if (r.object_kind() != "CustomResourceDefinition" || !r.object.contains("spec")) return {};
  const json& spec = r.object["spec"];
  return {Key(r, {spec.value("group", ""), Str(spec, json::json_pointer("/names/kind"))})};
}
Keys CrdRequires(const Resource& r) {
  std::string group = Group(r.api_version());
  if (!r.is_object() || group.empty()) return {};
  return {Key(r, {group, r.object_kind()})};
}

Keys NamespaceProvides(const Resource& r) {
  if (r.object_kind() != "Namespace" || r.api_version() != "v1") return {};
  return {Key(r, {r.object_name()})};
}
Keys NamespaceRequires(const Resource& r) {
  std::string ns = r.object_namespace();
  return ns.empty() ? Keys{} : Keys{Key(r, {ns})};
}

Keys ServiceAccountProvides(const Resource& r) {
  if (r.object_kind() != "ServiceAccount") return {};
  return {Key(r, {r.object_namespace(), r.object_name()})};
}
Keys ServiceAccountRequires(const Resource& r) {
  Keys keys;
  std::string kind = r.object_kind();
  if ((kind == "RoleBinding" || kind == "ClusterRoleBinding") && r.object.contains("subjects")) {
    for (const auto& s : r.object["subjects"])
      if (s.value("kind", "") == "ServiceAccount")
        keys.push_back(Key(r, {s.value("namespace", r.object_namespace()), s.value("name", "")}));
  }
  if (kind == "Secret") {
    static const json::json_pointer p("/metadata/annotations/kubernetes.io~1service-account.name");
    if (r.object.contains(p)) keys.push_back(Key(r, {r.object_namespace(), Str(r.object, p)}));
  }
  if (const json* pod = PodSpec(r); pod != nullptr && pod->contains("serviceAccountName"))
    keys.push_back(Key(r, {r.object_namespace(), pod->value("serviceAccountName", "")}));
  return keys;
}

Keys RoleProvides(const Resource& r) {
  std::string kind = r.object_kind();
  if (kind == "ClusterRole") return {Key(r, {"ClusterRole", "", r.object_name()})};
  if (kind == "Role") return {Key(r, {"Role", r.object_namespace(), r.object_name()})};
  return {};
}
Keys RoleRequires(const Resource& r) {
  std::string kind = r.object_kind();
  if ((kind != "RoleBinding" && kind != "ClusterRoleBinding") || !r.object.contains("roleRef"))
    return {};
  const json& ref = r.object["roleRef"];
  std::string ref_kind = ref.value("kind", "");
  std::string ns = ref_kind == "Role" ? r.object_namespace() : "";
  return {Key(r, {ref_kind, ns, ref.value("name", "")})};
}

Keys InjectorProvides(const Resource& r) {
  if (r.object_kind() != "MutatingWebhookConfiguration") return {};
  return {Key(r, {})};
}
Keys InjectorRequires(const Resource& r) {
  static const json::json_pointer p("/metadata/labels/istio-injection");
  if (r.object_kind() != "Namespace" || Str(r.object, p) != "enabled") return {};
  return {Key(r, {})};
}

Keys MountedProvides(const Resource& r) {
  std::string kind = r.object_kind();
  if ((kind != "Secret" && kind != "ConfigMap") || r.api_version() != "v1") return {};
  return {Key(r, {kind, r.object_namespace(), r.object_name()})};
}
Keys MountedRequires(const Resource& r) {
  const json* pod = PodSpec(r);
  if (pod == nullptr || !pod->contains("volumes")) return {};
  Keys keys;
  for (const auto& v : (*pod)["volumes"]) {
    if (v.contains("secret"))
      keys.push_back(Key(r, {"Secret", r.object_namespace(), v["secret"].value("secretName", "")}));
    if (v.contains("configMap"))
      keys.push_back(Key(r, {"ConfigMap", r.object_namespace(), v["configMap"].value("name", "")}));
  }
  return keys;
}

Keys ValueProvides(const Resource& r) { return r.is_value() ? Keys{r.address} : Keys{}; }
Keys ValueRequires(const Resource& r) {
  Keys keys;
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
      {"values-before-placeholders", ValueProvides, ValueRequires},
  };
  return rules;
}

}  // namespace meshform::resources
