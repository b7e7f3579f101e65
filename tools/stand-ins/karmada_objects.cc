// Karmada controller computations (see karmada_objects.h).
#include "tools/stand-ins/karmada_objects.h"

#include <algorithm>
#include <stdexcept>

#include "tools/stand-ins/json_fields.h"

namespace meshform::standins {
namespace {

using nlohmann::json;

bool ListsString(const json& values, const std::string& value) {
  return values.is_array() && std::any_of(values.begin(), values.end(), [&](const json& v) {
           return v.is_string() && v.get<std::string>() == value;
         });
}

std::string Lower(std::string text) {
  for (auto& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

// Annotations controllers write on the template: never propagated.
bool ControllerAnnotation(const std::string& key) {
  return key == "deployment.kubernetes.io/revision" ||
         key == "kubectl.kubernetes.io/last-applied-configuration";
}

void ApplyPlaintext(json& object, const json& overriders, const std::string& where) {
  json patch = json::array();
  const json& plaintext = Field(overriders, "plaintext");
  for (const json& p : plaintext.is_array() ? plaintext : json::array()) {
    json operation = {{"op", StringField(p, "operator")}, {"path", StringField(p, "path")}};
    if (p.contains("value")) operation["value"] = p["value"];
    patch.push_back(std::move(operation));
  }
  if (patch.empty()) return;
  try {
    object = object.patch(patch);
  } catch (const json::exception& error) {
    throw std::runtime_error(where + ": plaintext overriders do not apply: " + error.what());
  }
}

void ApplyLabels(json& object, const json& overriders) {
  const json& labels = Field(overriders, "labelsOverrider");
  for (const json& l : labels.is_array() ? labels : json::array()) {
    std::string op = StringField(l, "operator");
    for (const auto& [key, value] : Field(l, "value").items()) {
      if (op == "remove") {
        if (object["metadata"].contains("labels")) object["metadata"]["labels"].erase(key);
      } else {
        object["metadata"]["labels"][key] = value;
      }
    }
  }
}

}  // namespace

const std::vector<TemplateKind>& TemplateKinds() {
  static const std::vector<TemplateKind> kinds = {{"apps/v1", "Deployment"}, {"v1", "Service"}};
  return kinds;
}

bool SelectsTemplate(const json& policy, const json& object) {
  const json& metadata = Field(object, "metadata");
  const json& selectors = Field(Field(policy, "spec"), "resourceSelectors");
  for (const json& s : selectors.is_array() ? selectors : json::array()) {
    if (StringField(s, "apiVersion") != StringField(object, "apiVersion") ||
        StringField(s, "kind") != StringField(object, "kind"))
      continue;
    std::string ns = StringField(s, "namespace");
    if (ns.empty()) ns = StringField(Field(policy, "metadata"), "namespace");
    if (ns != StringField(metadata, "namespace")) continue;
    std::string name = StringField(s, "name");
    if (!name.empty() && name != StringField(metadata, "name")) continue;
    const json& labels = Field(metadata, "labels");
    bool held = true;
    for (const auto& [key, value] : Field(Field(s, "labelSelector"), "matchLabels").items())
      held = held && Field(labels, key.c_str()) == value;
    if (held) return true;
  }
  return false;
}

std::vector<std::string> PlacedClusters(const json& policy,
                                        const std::vector<std::string>& members) {
  const json& affinity = Field(Field(Field(policy, "spec"), "placement"), "clusterAffinity");
  std::vector<std::string> placed;
  for (const std::string& m : members) {
    bool named = !affinity.contains("clusterNames") || ListsString(affinity["clusterNames"], m);
    if (named && !ListsString(Field(affinity, "exclude"), m)) placed.push_back(m);
  }
  return placed;
}

void ApplyOverridePolicy(json& object, const json& override_policy, const std::string& cluster) {
  const json& metadata = Field(override_policy, "metadata");
  std::string where = "OverridePolicy " + StringField(metadata, "namespace") + "/" +
                      StringField(metadata, "name") + " for cluster " + cluster;
  const json& rules = Field(Field(override_policy, "spec"), "overrideRules");
  for (const json& rule : rules.is_array() ? rules : json::array()) {
    const json& target = Field(rule, "targetCluster");
    if (target.contains("clusterNames") && !ListsString(target["clusterNames"], cluster)) continue;
    ApplyPlaintext(object, Field(rule, "overriders"), where);
    ApplyLabels(object, Field(rule, "overriders"));
  }
}

json MemberObject(const json& tmpl, const json& policy, const std::vector<json>& override_policies,
                  const std::string& cluster) {
  json object = tmpl;
  object.erase("status");
  const json& metadata = Field(tmpl, "metadata");
  json labels = Field(metadata, "labels").is_object() ? metadata["labels"] : json::object();
  labels[kKarmadaManagedLabel] = "true";
  labels[kPolicyNameLabel] = StringField(Field(policy, "metadata"), "name");
  labels[kPolicyNamespaceLabel] = StringField(Field(policy, "metadata"), "namespace");
  object["metadata"] = {{"name", StringField(metadata, "name")},
                        {"namespace", StringField(metadata, "namespace")},
                        {"labels", labels}};
  for (const auto& [key, value] : Field(metadata, "annotations").items())
    if (!ControllerAnnotation(key)) object["metadata"]["annotations"][key] = value;
  if (StringField(tmpl, "kind") == "Service" && object.contains("spec")) {
    object["spec"].erase("clusterIP");
    object["spec"].erase("clusterIPs");
  }
  for (const json& op : override_policies) ApplyOverridePolicy(object, op, cluster);
  return object;
}

std::string Health(const json& live) {
  if (StringField(live, "kind") != "Deployment") return "Healthy";
  const json& status = Field(live, "status");
  int64_t wanted = Field(Field(live, "spec"), "replicas").is_number()
                       ? live["spec"]["replicas"].get<int64_t>()
                       : 1;
  auto count = [&](const char* key) {
    return Field(status, key).is_number() ? status[key].get<int64_t>() : int64_t{0};
  };
  const json& generation = Field(Field(live, "metadata"), "generation");
  bool observed =
      !generation.is_number() || count("observedGeneration") >= generation.get<int64_t>();
  bool ready = observed && count("updatedReplicas") == wanted &&
               count("availableReplicas") == wanted && count("replicas") == wanted;
  return ready ? "Healthy" : "Unhealthy";
}

std::string BindingName(const json& tmpl) {
  return Lower(StringField(Field(tmpl, "metadata"), "name") + "-" + StringField(tmpl, "kind"));
}

json BindingObject(const json& tmpl, const json& policy, const std::vector<std::string>& clusters) {
  const json& metadata = Field(tmpl, "metadata");
  json resource = {{"apiVersion", StringField(tmpl, "apiVersion")},
                   {"kind", StringField(tmpl, "kind")},
                   {"namespace", StringField(metadata, "namespace")},
                   {"name", StringField(metadata, "name")},
                   {"uid", StringField(metadata, "uid")},
                   {"resourceVersion", StringField(metadata, "resourceVersion")}};
  const json& replicas = Field(Field(tmpl, "spec"), "replicas");
  bool has_replicas = StringField(tmpl, "kind") == "Deployment";
  json targets = json::array();
  for (const std::string& c : clusters) {
    json target = {{"name", c}};
    if (has_replicas) target["replicas"] = replicas.is_number() ? replicas : json(1);
    targets.push_back(target);
  }
  json spec = {{"resource", resource},
               {"clusters", targets},
               {"placement", Field(Field(policy, "spec"), "placement")}};
  if (has_replicas) spec["replicas"] = replicas.is_number() ? replicas : json(1);
  json owner = {{"apiVersion", StringField(tmpl, "apiVersion")},
                {"kind", StringField(tmpl, "kind")},
                {"name", StringField(metadata, "name")},
                {"uid", StringField(metadata, "uid")},
                {"controller", true},
                {"blockOwnerDeletion", true}};
  const json& policy_metadata = Field(policy, "metadata");
  json labels = {{kPolicyNameLabel, StringField(policy_metadata, "name")},
                 {kPolicyNamespaceLabel, StringField(policy_metadata, "namespace")}};
  return {{"apiVersion", "work.karmada.io/v1alpha2"},
          {"kind", "ResourceBinding"},
          {"metadata",
           {{"name", BindingName(tmpl)},
            {"namespace", StringField(metadata, "namespace")},
            {"labels", labels},
            {"ownerReferences", json::array({owner})}}},
          {"spec", spec}};
}

json BindingStatus(const json& binding, const std::map<std::string, ClusterResult>& results,
                   const std::string& now) {
  bool all_applied =
      std::all_of(results.begin(), results.end(), [](const auto& r) { return r.second.applied; });
  json fully = {{"type", "FullyApplied"},
                {"status", all_applied ? "True" : "False"},
                {"reason", all_applied ? "FullyAppliedSuccess" : "FullyAppliedFailed"},
                {"lastTransitionTime", now}};
  json scheduled = {{"type", "Scheduled"},
                    {"status", "True"},
                    {"reason", "Success"},
                    {"lastTransitionTime", now}};
  const json& old = Field(Field(binding, "status"), "conditions");
  for (json* c : {&fully, &scheduled}) {
    for (const json& o : old.is_array() ? old : json::array()) {
      if (StringField(o, "type") == StringField(*c, "type") &&
          StringField(o, "status") == StringField(*c, "status") && o.contains("lastTransitionTime"))
        (*c)["lastTransitionTime"] = o["lastTransitionTime"];
    }
  }
  json aggregated = json::array();
  for (const auto& [name, r] : results) {  // std::map: sorted by name
    json item = {{"clusterName", name}, {"applied", r.applied}, {"health", r.health}};
    if (!r.message.empty()) item["appliedMessage"] = r.message;
    aggregated.push_back(item);
  }
  const json& generation = Field(Field(binding, "metadata"), "generation");
  return {{"schedulerObservedGeneration", generation.is_number() ? generation : json(0)},
          {"conditions", json::array({scheduled, fully})},
          {"aggregatedStatus", aggregated}};
}

}  // namespace meshform::standins
