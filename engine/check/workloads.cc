// The "workloads" category (see workloads.h).
#include "engine/check/workloads.h"

#include <map>
#include <set>

#include "engine/check/live.h"
#include "resources/workloads.h"

namespace meshform::check {

namespace {

using nlohmann::json;
using resources::Resource;

constexpr const char* kCategory = "workloads";
constexpr const char* kInjectionLabel = "istio-injection";

// container name -> image of a Deployment's pod template.
std::map<std::string, std::string> Images(const json& deployment) {
  std::map<std::string, std::string> out;
  const json spec = deployment.value("spec", json::object());
  const json pod = spec.value("template", json::object()).value("spec", json::object());
  for (const auto& c : pod.value("containers", json::array()))
    out[c.value("name", "")] = c.value("image", "");
  return out;
}

std::string ImageMismatch(const json& want, const json& live) {
  auto have = Images(live);
  for (const auto& [container, image] : Images(want)) {
    auto it = have.find(container);
    if (it == have.end()) return "it has no container " + container;
    if (it->second != image)
      return "container " + container + " runs " + it->second + ", the topology says " + image;
  }
  return "";
}

Check DeploymentCheck(kube::Client& client, const topology::Topology& t,
                      const topology::Workload& w, const std::string& cluster) {
  const json want = resources::DeploymentObject(w, cluster);
  const std::string name = w.namespace_ + "/" + w.name;
  Check c{kCategory, "deployment", cluster};
  c.objects.push_back(resources::ObjectAddress(cluster, want));
  auto live = LiveOf(client, want);
  const bool kubefed = t.federation.type == topology::FederationType::kKubefed;
  const bool karmada = t.federation.type == topology::FederationType::kKarmada;
  const std::string see = "`" + Kubectl(t, t.federation.host) + " -n " + w.namespace_ + " get ";
  if (!live) {
    c.result = Result::kFail;
    c.message = "no Deployment " + name + " in " + cluster;
    c.hint = kubefed ? "KubeFed places it from the FederatedDeployment in " + t.federation.host +
                           ": see " + see + "federateddeployment " + w.name + " -o yaml`"
             : karmada ? "Karmada places it from the PropagationPolicy in " + t.federation.host +
                             ": see " + see + "resourcebinding " + w.name + "-deployment -o yaml`"
                       : "`meshform apply` creates it";
    return c;
  }
  if (std::string wrong = ImageMismatch(want, *live); !wrong.empty()) {
    c.result = Result::kFail;
    c.message = "Deployment " + name + " in " + cluster + ": " + wrong;
    c.hint = kubefed   ? "`meshform apply` restores the FederatedDeployment's overrides; KubeFed "
                         "then updates the Deployment"
             : karmada ? "`meshform apply` restores the OverridePolicy; Karmada then updates the "
                         "Deployment"
                       : "`meshform apply` restores the image";
    return c;
  }
  if (std::string why = DeploymentUnavailable(*live); !why.empty()) {
    c.result = Result::kFail;
    c.message = "Deployment " + name + " in " + cluster + " is not available: " + why;
    c.hint = "`" + Kubectl(t, cluster) + " -n " + w.namespace_ + " rollout status deploy/" +
             w.name + "`; `meshform apply` restores the replicas";
    return c;
  }
  c.message = "Deployment " + name + " in " + cluster + " is available with the expected image";
  return c;
}

bool AsksInjection(const Resource& r) {
  return MetadataValue(r.object, "labels", kInjectionLabel) == "enabled";
}

Check InjectionCheck(kube::Client& client, const topology::Topology& t, const Resource& r) {
  Check c{kCategory, "injection", r.cluster};
  c.objects.push_back(r.address);
  auto live = LiveOf(client, r.object);
  if (live && MetadataValue(*live, "labels", kInjectionLabel) == "enabled") {
    c.message = "namespace " + r.object_name() + " in " + r.cluster + " has sidecar injection";
    return c;
  }
  c.result = Result::kFail;
  c.message = live ? "namespace " + r.object_name() + " in " + r.cluster + " lacks the label " +
                         kInjectionLabel + "=enabled: its new pods get no sidecar"
                   : "no namespace " + r.object_name() + " in " + r.cluster;
  c.hint = "`" + Kubectl(t, r.cluster) + " label namespace " + r.object_name() + " " +
           kInjectionLabel + "=enabled --overwrite`, or `meshform apply`; then restart its pods";
  return c;
}

// "http 5000/TCP, grpc 7070/TCP": a Service's ports, sorted, as compared.
std::string PortsText(const json& service) {
  std::set<std::string> ports;
  for (const auto& p : service.value("spec", json::object()).value("ports", json::array())) {
    ports.insert(p.value("name", "") + " " + std::to_string(p.value("port", 0)) + "/" +
                 p.value("protocol", "TCP"));
  }
  std::string out;
  for (const auto& p : ports) out += (out.empty() ? "" : ", ") + p;
  return out.empty() ? "no ports" : out;
}

// One Service (namespace/name) desired in several clusters: every cluster serves the ports the
// topology declares, so all of them agree.
Check ServicePortsCheck(const kube::ClusterClients& clients, const topology::Topology& t,
                        const std::vector<const Resource*>& copies) {
  const Resource& first = *copies.front();
  const std::string name = first.object_namespace() + "/" + first.object_name();
  const std::string want = PortsText(first.object);
  Check c{kCategory, "service-ports", ""};
  std::vector<std::string> differ;
  for (const Resource* r : copies) {
    c.objects.push_back(r->address);
    std::string found;
    try {
      auto live = LiveOf(clients.For(r->cluster), r->object);
      found = live ? PortsText(*live) : "no Service";
    } catch (const std::exception& e) {
      found = std::string("unreadable: ") + e.what();
    }
    if (found != want) {
      differ.push_back(r->cluster);
      c.details.push_back(r->cluster + ": " + found);
    }
  }
  if (differ.empty()) {
    c.message = "Service " + name + " has the same ports in " + std::to_string(copies.size()) +
                " clusters (" + want + ")";
    return c;
  }
  std::string clusters;
  for (const auto& d : differ) clusters += (clusters.empty() ? "" : ", ") + d;
  if (differ.size() == 1) c.cluster = differ.front();
  c.result = Result::kFail;
  c.message = "Service " + name + " differs in " + clusters + " from the topology's ports (" +
              want + "): the mesh routes to it inconsistently across clusters";
  c.hint = "restore the topology's ports with `" + Kubectl(t, differ.front()) + " -n " +
           first.object_namespace() + " edit service " + first.object_name() +
           "`, or delete that Service and run `meshform apply`";
  return c;
}

// The spec fields of a federation object that carry the topology's placement and overrides.
std::vector<const char*> PlacementFields(const Resource& r) {
  if (r.object_kind() == "PropagationPolicy") return {"resourceSelectors", "placement"};
  if (r.object_kind() == "OverridePolicy") return {"resourceSelectors", "overrideRules"};
  return {"placement", "overrides"};  // KubeFed's Federated<Kind>
}

Check FederatedCheck(kube::Client& client, const Resource& r) {
  const std::string name = r.object_kind() + " " + r.object_namespace() + "/" + r.object_name();
  const bool karmada = r.api_version().rfind("policy.karmada.io/", 0) == 0;
  Check c{kCategory, "federated", r.cluster};
  c.objects.push_back(r.address);
  auto live = LiveOf(client, r.object);
  const json want = r.object.value("spec", json::object());
  const json have = live ? live->value("spec", json::object()) : json::object();
  std::string wrong = live ? "" : "missing";
  for (const char* field : PlacementFields(r)) {
    if (wrong.empty() && have.value(field, json()) != want.value(field, json()))
      wrong = std::string("its ") + field + " differs from the topology's";
  }
  if (wrong.empty()) {
    c.message = name + " in " + r.cluster + " has the topology's placement";
    return c;
  }
  c.result = Result::kFail;
  c.message = live ? name + " in " + r.cluster + ": " + wrong : "no " + name + " in " + r.cluster;
  c.hint = std::string("`meshform apply` restores it; ") + (karmada ? "Karmada" : "KubeFed") +
           " then places the workload accordingly";
  return c;
}

}  // namespace

std::vector<Check> WorkloadChecks(const kube::ClusterClients& clients, const topology::Topology& t,
                                  const resources::ResourceSet& desired) {
  std::vector<Check> out;
  for (const auto& w : t.workloads) {
    for (const auto& cluster : w.placement) {
      try {
        out.push_back(DeploymentCheck(clients.For(cluster), t, w, cluster));
      } catch (const std::exception& e) {
        out.push_back(ReadFailure(kCategory, "deployment", cluster,
                                  cluster + " Deployment " + w.namespace_ + "/" + w.name, e));
      }
    }
  }
  for (const Resource* r : DesiredObjects(desired, "Namespace", "", AsksInjection)) {
    try {
      out.push_back(InjectionCheck(clients.For(r->cluster), t, *r));
    } catch (const std::exception& e) {
      out.push_back(ReadFailure(kCategory, "injection", r->cluster, r->address, e));
    }
  }
  std::set<std::string> workload_namespaces;
  for (const auto& w : t.workloads) workload_namespaces.insert(w.namespace_);
  std::map<std::string, std::vector<const Resource*>> services;
  for (const Resource* r : DesiredObjects(desired, "Service", "", [&](const Resource& s) {
         return workload_namespaces.count(s.object_namespace()) > 0;
       }))
    services[r->object_namespace() + "/" + r->object_name()].push_back(r);
  for (const auto& [name, copies] : services) out.push_back(ServicePortsCheck(clients, t, copies));
  for (const char* group : {"types.kubefed.io", "policy.karmada.io"}) {
    for (const Resource* r : DesiredObjects(desired, "", group)) {
      try {
        out.push_back(FederatedCheck(clients.For(r->cluster), *r));
      } catch (const std::exception& e) {
        out.push_back(ReadFailure(kCategory, "federated", r->cluster, r->address, e));
      }
    }
  }
  return out;
}

}  // namespace meshform::check
