// Model building for workloads (ports, per-cluster overrides) and raw manifests.
#include "engine/topology/json_get.h"
#include "engine/topology/json_pointer.h"
#include "engine/topology/model_builder.h"
#include "engine/topology/paths.h"

namespace meshform::topology {
namespace {

std::vector<Port> BuildPorts(const nlohmann::json& workload) {
  std::vector<Port> ports;
  for (const auto& json : Items(workload, "ports")) {
    Port p;
    p.name = GetString(json, "name");
    p.port = GetInt(json, "port", 0);
    p.target_port = GetInt(json, "targetPort", 0);
    p.protocol = GetString(json, "protocol", p.protocol);
    ports.push_back(std::move(p));
  }
  return ports;
}

std::map<std::string, WorkloadOverride> BuildOverrides(const YamlDocument& doc,
                                                       const nlohmann::json& workload,
                                                       const std::string& pointer) {
  std::map<std::string, WorkloadOverride> overrides;
  const auto& json = Member(workload, "overrides");
  if (!json.is_object()) return overrides;
  for (const auto& [cluster, o] : json.items()) {
    WorkloadOverride wo;
    if (Member(o, "image").is_string()) wo.image = GetString(o, "image");
    wo.labels = GetStringMap(o, "labels");
    if (Member(o, "replicas").is_number_integer()) wo.replicas = GetInt(o, "replicas", 1);
    wo.location = doc.map.ValueAt(PointerAppend(PointerAppend(pointer, "overrides"), cluster));
    overrides[cluster] = std::move(wo);
  }
  return overrides;
}

}  // namespace

void BuildWorkloads(const YamlDocument& doc, Topology* t) {
  const auto& items = Items(doc.json, "workloads");
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& json = items[i];
    const std::string pointer = PointerAppend("/workloads", i);
    Workload w;
    w.name = GetString(json, "name");
    w.namespace_ = GetString(json, "namespace");
    w.sidecar_injection = GetBool(json, "sidecarInjection", true);
    w.placement = GetStrings(json, "placement");
    w.image = GetString(json, "image");
    w.labels = GetStringMap(json, "labels");
    w.ports = BuildPorts(json);
    w.command = GetStrings(json, "command");
    w.args = GetStrings(json, "args");
    w.replicas = GetInt(json, "replicas", 1);
    w.overrides = BuildOverrides(doc, json, pointer);
    w.location = doc.map.ValueAt(pointer);
    t->workloads.push_back(std::move(w));
  }
}

void BuildManifests(const YamlDocument& doc, const std::string& folder, Topology* t) {
  const auto& items = Items(doc.json, "manifests");
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& json = items[i];
    RawManifest m;
    m.cluster = GetString(json, "cluster");
    m.file = ResolvePath(folder, GetString(json, "file"));
    // JSON is YAML: each inline document is kept as its JSON text.
    for (const auto& document : Items(json, "documents"))
      m.inline_yaml.push_back(
          document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    m.depends_on = GetStrings(json, "dependsOn");
    m.location = doc.map.ValueAt(PointerAppend("/manifests", i));
    t->manifests.push_back(std::move(m));
  }
}

}  // namespace meshform::topology
