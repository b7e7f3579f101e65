// The normalisation table and the batch checks (see manifest_normalization.h).
#include "resources/manifest_normalization.h"

#include <spdlog/spdlog.h>

#include <map>
#include <set>
#include <tuple>

#include "engine/util/error.h"

namespace meshform::resources {

namespace {

std::string GroupOf(const std::string& api_version) {
  auto slash = api_version.find('/');
  return slash == std::string::npos ? "" : api_version.substr(0, slash);
}

// The built-in kinds of Kubernetes 1.20 and their scope, by group. Data: a kind missing here in
// a listed group is unknown (a typo, or a kind meshform does not know yet: add it here).
struct BuiltInGroup {
  const char* group;
  std::vector<const char*> namespaced;
  std::vector<const char*> cluster;
};

const std::vector<BuiltInGroup>& BuiltIns() {
  static const std::vector<BuiltInGroup> kGroups = {
      {"",
       {"Pod", "Service", "ConfigMap", "Secret", "ServiceAccount", "Endpoints",
        "PersistentVolumeClaim", "ReplicationController", "LimitRange", "ResourceQuota", "Event",
        "PodTemplate", "Binding"},
       {"Namespace", "Node", "PersistentVolume", "ComponentStatus"}},
      {"apps", {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ControllerRevision"}, {}},
      {"extensions", {"Deployment", "DaemonSet", "ReplicaSet", "Ingress", "NetworkPolicy"}, {}},
      {"batch", {"Job", "CronJob"}, {}},
      {"autoscaling", {"HorizontalPodAutoscaler"}, {}},
      {"policy", {"PodDisruptionBudget"}, {"PodSecurityPolicy"}},
      {"rbac.authorization.k8s.io", {"Role", "RoleBinding"}, {"ClusterRole", "ClusterRoleBinding"}},
      {"networking.k8s.io", {"NetworkPolicy", "Ingress"}, {"IngressClass"}},
      {"coordination.k8s.io", {"Lease"}, {}},
      {"discovery.k8s.io", {"EndpointSlice"}, {}},
      {"events.k8s.io", {"Event"}, {}},
      {"apiextensions.k8s.io", {}, {"CustomResourceDefinition"}},
      {"admissionregistration.k8s.io",
       {},
       {"MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"}},
      {"storage.k8s.io", {}, {"StorageClass", "CSIDriver", "CSINode", "VolumeAttachment"}},
      {"scheduling.k8s.io", {}, {"PriorityClass"}},
      {"node.k8s.io", {}, {"RuntimeClass"}},
      {"certificates.k8s.io", {}, {"CertificateSigningRequest"}},
      {"apiregistration.k8s.io", {}, {"APIService"}},
      {"flowcontrol.apiserver.k8s.io", {}, {"FlowSchema", "PriorityLevelConfiguration"}},
      {"authentication.k8s.io", {}, {"TokenReview"}},
      {"authorization.k8s.io",
       {"LocalSubjectAccessReview"},
       {"SubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview"}},
  };
  return kGroups;
}

const BuiltInGroup* FindGroup(const std::string& group) {
  for (const auto& g : BuiltIns())
    if (group == g.group) return &g;
  return nullptr;
}

// (group, kind) -> namespaced, from the CRDs of the batch.
using CrdScopes = std::map<std::pair<std::string, std::string>, bool>;

struct Context {
  const ManifestSource& source;
  const CrdScopes& crds;
};

std::string Describe(const json& o) {
  std::string ns = o["metadata"].value("namespace", "");
  return o.value("apiVersion", "") + " " + o.value("kind", "") + " " +
         (ns.empty() ? "" : ns + "/") + o["metadata"].value("name", "");
}

std::string At(const ManifestDocument& d) {
  return "document " + std::to_string(d.index) + " (line " + std::to_string(d.line) + ")";
}

// ---- the rows' repairs ----

void DropStatus(json& o, const Context& ctx) {
  if (!o.contains("status")) return;
  spdlog::debug("{}: dropping the status printed with {}", ctx.source.name, Describe(o));
  o.erase("status");
}

// Whether the object's kind is namespaced; no value when it cannot be told.
std::optional<bool> Namespaced(const json& o, const Context& ctx) {
  std::string api_version = o.value("apiVersion", ""), kind = o.value("kind", "");
  if (auto built_in = BuiltInNamespaced(api_version, kind)) return built_in;
  auto crd = ctx.crds.find({GroupOf(api_version), kind});
  if (crd != ctx.crds.end()) return crd->second;
  return std::nullopt;
}

void DefaultNamespace(json& o, const Context& ctx) {
  json& metadata = o["metadata"];
  if (metadata.contains("namespace") || ctx.source.default_namespace.empty()) return;
  std::optional<bool> namespaced = Namespaced(o, ctx);
  if (!namespaced)
    throw Error(Describe(o) + ": kind " + o.value("kind", "") + " of " + o.value("apiVersion", "") +
                " is neither built in nor defined by a CRD in this output, so whether it is "
                "namespaced is unknown: set metadata.namespace");
  if (*namespaced) metadata["namespace"] = ctx.source.default_namespace;
}

void DefaultProtocols(json& ports) {
  if (!ports.is_array()) return;
  for (auto& port : ports)
    if (port.is_object() && !port.contains("protocol")) port["protocol"] = "TCP";
}

void ServicePortProtocol(json& o, const Context&) {
  if (o.value("apiVersion", "") != "v1" || o.value("kind", "") != "Service") return;
  auto spec = o.find("spec");
  if (spec == o.end() || !spec->is_object() || !spec->contains("ports")) return;
  DefaultProtocols((*spec)["ports"]);
}

// The pod specs inside an object of a built-in workload kind.
std::vector<json*> PodSpecs(json& o) {
  static const std::map<std::string, std::vector<const char*>> kPaths = {
      {"Pod", {"/spec"}},
      {"PodTemplate", {"/template/spec"}},
      {"ReplicationController", {"/spec/template/spec"}},
      {"Deployment", {"/spec/template/spec"}},
      {"StatefulSet", {"/spec/template/spec"}},
      {"DaemonSet", {"/spec/template/spec"}},
      {"ReplicaSet", {"/spec/template/spec"}},
      {"Job", {"/spec/template/spec"}},
      {"CronJob", {"/spec/jobTemplate/spec/template/spec"}},
  };
  std::vector<json*> out;
  auto paths = kPaths.find(o.value("kind", ""));
  if (paths == kPaths.end() || !BuiltInNamespaced(o.value("apiVersion", ""), paths->first))
    return out;
  for (const char* path : paths->second) {
    json::json_pointer ptr(path);
    if (o.contains(ptr) && o[ptr].is_object()) out.push_back(&o[ptr]);
  }
  return out;
}

void ContainerPortProtocol(json& o, const Context&) {
  for (json* spec : PodSpecs(o)) {
    for (const char* list : {"containers", "initContainers"}) {
      auto containers = spec->find(list);
      if (containers == spec->end() || !containers->is_array()) continue;
      for (auto& c : *containers)
        if (c.is_object() && c.contains("ports")) DefaultProtocols(c["ports"]);
    }
  }
}

struct Row {
  NormalizationRow doc;
  void (*fix)(json& object, const Context& ctx);
};

// THE table: every repair meshform makes to printed objects, in the order they run.
const std::vector<Row>& Rows() {
  static const std::vector<Row> kRows = {
      {{"status",
        "a `status` printed with the object is dropped (debug log line): apply never writes it "
        "(the status subresource owns it), so it would only make renders and saved plans differ "
        "from what the cluster stores",
        "every version"},
       DropStatus},
      {{"namespace",
        "an object of a namespaced kind without metadata.namespace takes the namespace the "
        "renderer targets (istio-system): otherwise it would land in the kubeconfig context's "
        "namespace (often `default`) and its address would not name its namespace; scope comes "
        "from the built-in kinds' table or a CRD of the same output (an unknown kind is an "
        "error). Not applied to raw manifests, which have no target namespace",
        "every version"},
       DefaultNamespace},
      {{"service-port-protocol",
        "v1 Service spec.ports[] without `protocol` get TCP, the server's own default: SSA keys "
        "Service ports by (port, protocol) and rejects an item without the key with HTTP 500 "
        "\"associative list with keys has an element that omits key field \\\"protocol\\\"\"; "
        "with TCP written the stored object is the same and the plan stays clean",
        "1.16-1.20 reject it (tested: 1.20.2); 1.21+ fill the key's default "
        "(kubernetes/kubernetes#98576), where the row changes nothing the server stores"},
       ServicePortProtocol},
      {{"container-port-protocol",
        "containers[].ports[] and initContainers[].ports[] without `protocol` get TCP in the pod "
        "specs of Pod, PodTemplate, ReplicationController, Deployment, StatefulSet, DaemonSet, "
        "ReplicaSet, Job and CronJob: SSA keys container ports by (containerPort, protocol); "
        "the server stores TCP, so meshform's diff, matching items by key, would see the "
        "printed port as another item and never plan clean",
        "every version for the diff; 1.16 rejected the apply itself (HTTP 500, "
        "kubernetes-sigs/structured-merge-diff#130); 1.20.2 accepts it (tested) and stores TCP"},
       ContainerPortProtocol},
  };
  return kRows;
}

CrdScopes CrdsOf(const std::vector<ManifestDocument>& docs) {
  CrdScopes out;
  for (const auto& d : docs) {
    const json& o = d.object;
    if (o.value("kind", "") != "CustomResourceDefinition" || !o.contains("spec")) continue;
    const json& spec = o["spec"];
    if (!spec.is_object() || !spec.contains("names") || !spec["names"].is_object()) continue;
    out[{spec.value("group", ""), spec["names"].value("kind", "")}] =
        spec.value("scope", "Namespaced") == "Namespaced";
  }
  return out;
}

void CheckKnownKind(const json& o) {
  std::string api_version = o.value("apiVersion", ""), kind = o.value("kind", "");
  if (IsBuiltInGroup(api_version) && !BuiltInNamespaced(api_version, kind))
    throw Error(Describe(o) + ": unknown kind " + kind + " in API group " +
                (GroupOf(api_version).empty() ? "core (v1)" : GroupOf(api_version)));
}

// An object printed twice: same group, kind, namespace and name (versions are one object).
void CheckDuplicates(const std::vector<ManifestDocument>& docs) {
  std::map<std::tuple<std::string, std::string, std::string, std::string>, size_t> seen;
  for (size_t i = 0; i < docs.size(); ++i) {
    const json& o = docs[i].object;
    auto key =
        std::make_tuple(GroupOf(o.value("apiVersion", "")), o.value("kind", ""),
                        o["metadata"].value("namespace", ""), o["metadata"].value("name", ""));
    auto [it, inserted] = seen.emplace(key, i);
    if (inserted) continue;
    throw Error(Describe(o) + " is printed twice: " + At(docs[it->second]) + " and " + At(docs[i]));
  }
}

bool Named(const json& o) {
  return o.is_object() && o.contains("apiVersion") && o["apiVersion"].is_string() &&
         o.contains("kind") && o["kind"].is_string() && o.contains("metadata") &&
         o["metadata"].is_object() && o["metadata"].contains("name") &&
         o["metadata"]["name"].is_string();
}

}  // namespace

std::optional<bool> BuiltInNamespaced(const std::string& api_version, const std::string& kind) {
  const BuiltInGroup* g = FindGroup(GroupOf(api_version));
  if (g == nullptr) return std::nullopt;
  for (const char* k : g->namespaced)
    if (kind == k) return true;
  for (const char* k : g->cluster)
    if (kind == k) return false;
  return std::nullopt;
}

bool IsBuiltInGroup(const std::string& api_version) {
  return FindGroup(GroupOf(api_version)) != nullptr;
}

std::vector<NormalizationRow> NormalizationTable() {
  std::vector<NormalizationRow> out;
  for (const auto& row : Rows()) out.push_back(row.doc);
  return out;
}

void NormalizeManifests(std::vector<ManifestDocument>& docs, const ManifestSource& source) {
  CrdScopes crds = CrdsOf(docs);
  Context ctx{source, crds};
  for (auto& d : docs) {
    try {
      if (!Named(d.object)) throw Error("has no apiVersion, kind or metadata.name");
      CheckKnownKind(d.object);
      for (const auto& row : Rows()) row.fix(d.object, ctx);
    } catch (const Error& e) {
      throw Error(source.name + ": " + At(d) + ": " + e.what());
    }
  }
  try {
    CheckDuplicates(docs);
  } catch (const Error& e) {
    throw Error(source.name + ": " + e.what());
  }
}

}  // namespace meshform::resources
