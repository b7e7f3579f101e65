// KubeFed sync-controller computations (see kubefed_objects.h).
#include "tools/stand-ins/kubefed_objects.h"

#include <algorithm>
#include <stdexcept>

#include "tools/stand-ins/json_fields.h"

namespace meshform::standins {
namespace {

using nlohmann::json;

bool ContainsString(const json& values, const std::string& value) {
  if (!values.is_array()) return false;
  return std::any_of(values.begin(), values.end(),
                     [&](const json& v) { return v.is_string() && v.get<std::string>() == value; });
}

// A LabelSelector (matchLabels, matchExpressions) against `labels`.
bool Selects(const json& selector, const json& labels) {
  for (const auto& [key, value] : Field(selector, "matchLabels").items()) {
    if (!labels.contains(key) || labels[key] != value) return false;
  }
  const json& expressions = Field(selector, "matchExpressions");
  for (const json& e : expressions.is_array() ? expressions : json::array()) {
    std::string key = StringField(e, "key"), op = StringField(e, "operator");
    bool has = labels.contains(key);
    std::string value = has && labels[key].is_string() ? labels[key].get<std::string>() : "";
    const json& values = Field(e, "values");
    if (op == "In" && !(has && ContainsString(values, value))) return false;
    if (op == "NotIn" && has && ContainsString(values, value)) return false;
    if (op == "Exists" && !has) return false;
    if (op == "DoesNotExist" && has) return false;
  }
  return true;
}

}  // namespace

const std::vector<FederatedType>& FederatedTypes() {
  static const std::vector<FederatedType> types = {
      {"FederatedNamespace", "v1", "Namespace", false},
      {"FederatedDeployment", "apps/v1", "Deployment", true},
      {"FederatedService", "v1", "Service", true},
      {"FederatedSecret", "v1", "Secret", true},
      {"FederatedConfigMap", "v1", "ConfigMap", true},
      {"FederatedServiceAccount", "v1", "ServiceAccount", true},
  };
  return types;
}

std::vector<std::string> PlacedClusters(const json& federated,
                                        const std::vector<KubefedMember>& members) {
  const json& placement = Field(Field(federated, "spec"), "placement");
  std::vector<std::string> placed;
  if (placement.contains("clusters")) {
    const json& clusters = placement["clusters"];
    for (const KubefedMember& m : members) {
      bool listed = clusters.is_array() &&
                    std::any_of(clusters.begin(), clusters.end(),
                                [&](const json& c) { return StringField(c, "name") == m.name; });
      if (listed) placed.push_back(m.name);
    }
    return placed;
  }
  if (!placement.contains("clusterSelector")) return placed;
  for (const KubefedMember& m : members) {
    if (Selects(placement["clusterSelector"], m.labels)) placed.push_back(m.name);
  }
  return placed;
}

void ApplyOverrides(json& object, const json& federated, const std::string& cluster) {
  const json& overrides = Field(Field(federated, "spec"), "overrides");
  for (const json& o : overrides.is_array() ? overrides : json::array()) {
    if (StringField(o, "clusterName") != cluster) continue;
    json patch = json::array();
    const json& entries = Field(o, "clusterOverrides");
    for (const json& entry : entries.is_array() ? entries : json::array()) {
      std::string op = StringField(entry, "op");
      json operation = {{"op", op.empty() ? "replace" : op}, {"path", StringField(entry, "path")}};
      if (entry.contains("value")) operation["value"] = entry["value"];
      patch.push_back(std::move(operation));
    }
    try {
      object = object.patch(patch);
    } catch (const json::exception& error) {
      throw std::runtime_error("overrides for cluster " + cluster +
                               " do not apply: " + error.what());
    }
  }
}

json TargetObject(const FederatedType& type, const json& federated, const std::string& cluster) {
  const json& tmpl = Field(Field(federated, "spec"), "template");
  json object = tmpl.is_object() ? tmpl : json::object();
  object["apiVersion"] = type.target_api_version;
  object["kind"] = type.target_kind;
  json labels = Field(Field(tmpl, "metadata"), "labels");
  if (!labels.is_object()) labels = json::object();
  labels[kKubefedManagedLabel] = "true";
  const json& metadata = Field(federated, "metadata");
  object["metadata"] = {{"name", StringField(metadata, "name")}, {"labels", labels}};
  if (type.target_namespaced) object["metadata"]["namespace"] = StringField(metadata, "namespace");
  ApplyOverrides(object, federated, cluster);
  return object;
}

bool Holds(const json& live, const json& desired) {
  if (desired.is_object()) {
    if (!live.is_object()) return false;
    for (const auto& [key, value] : desired.items()) {
      auto it = live.find(key);
      if (it == live.end() || !Holds(*it, value)) return false;
    }
    return true;
  }
  if (desired.is_array()) {
    if (!live.is_array() || live.size() != desired.size()) return false;
    for (size_t i = 0; i < desired.size(); ++i) {
      if (!Holds(live[i], desired[i])) return false;
    }
    return true;
  }
  return live == desired;
}

void RetainClusterFields(json& desired, const json& live) {
  const json& metadata = Field(live, "metadata");
  for (const char* key : {"resourceVersion", "finalizers", "annotations"}) {
    if (metadata.contains(key)) desired["metadata"][key] = metadata[key];
  }
  const std::string kind = StringField(live, "kind");
  const json& live_spec = Field(live, "spec");
  if (kind == "Service") {
    for (const char* key : {"clusterIP", "clusterIPs", "healthCheckNodePort"}) {
      if (live_spec.contains(key)) desired["spec"][key] = live_spec[key];
    }
    const json& live_ports = Field(live_spec, "ports");
    json* ports = desired.contains("spec") && desired["spec"].contains("ports")
                      ? &desired["spec"]["ports"]
                      : nullptr;
    if (ports == nullptr || !ports->is_array() || !live_ports.is_array()) return;
    for (json& port : *ports) {
      for (const json& lp : live_ports) {
        bool same = Field(lp, "name") == Field(port, "name") &&
                    Field(lp, "port") == Field(port, "port") &&
                    Field(lp, "protocol") == Field(port, "protocol");
        if (same && lp.contains("nodePort")) port["nodePort"] = lp["nodePort"];
      }
    }
  }
  if (kind == "ServiceAccount" && Field(desired, "secrets").empty() && live.contains("secrets")) {
    desired["secrets"] = live["secrets"];
  }
}

bool IsManaged(const json& live) {
  return StringField(Field(Field(live, "metadata"), "labels"), kKubefedManagedLabel) == "true";
}

json FederatedStatus(const json& federated, const ClusterStatuses& clusters,
                     const std::string& now) {
  bool all_ok =
      std::all_of(clusters.begin(), clusters.end(), [](const auto& c) { return c.second.empty(); });
  std::string status = all_ok ? "True" : "False";
  std::string reason = all_ok ? "" : "CheckClusters";
  json condition = {{"type", "Propagation"}, {"status", status}};
  if (!reason.empty()) condition["reason"] = reason;
  condition["lastUpdateTime"] = now;
  condition["lastTransitionTime"] = now;
  const json& old_conditions = Field(Field(federated, "status"), "conditions");
  for (const json& old : old_conditions.is_array() ? old_conditions : json::array()) {
    if (StringField(old, "type") != "Propagation") continue;
    if (StringField(old, "status") == status && StringField(old, "reason") == reason &&
        old.contains("lastTransitionTime")) {
      condition["lastTransitionTime"] = old["lastTransitionTime"];
      condition["lastUpdateTime"] = old.value("lastUpdateTime", now);
    }
  }
  json result = {
      {"observedGeneration", Field(Field(federated, "metadata"), "generation").is_number()
                                 ? federated["metadata"]["generation"]
                                 : json(0)},
      {"conditions", json::array({condition})}};
  if (!clusters.empty()) {
    json list = json::array();
    for (const auto& [name, cluster_status] : clusters) {  // std::map: sorted by name
      json entry = {{"name", name}};
      if (!cluster_status.empty()) entry["status"] = cluster_status;
      list.push_back(entry);
    }
    result["clusters"] = list;
  }
  return result;
}

bool SameStatus(const json& a, const json& b) {
  auto without_times = [](json status) {
    if (status.is_object() && status.contains("conditions") && status["conditions"].is_array()) {
      for (json& c : status["conditions"]) {
        if (!c.is_object()) continue;
        c.erase("lastUpdateTime");
        c.erase("lastTransitionTime");
      }
    }
    return status;
  };
  return without_times(a) == without_times(b);
}

}  // namespace meshform::standins
