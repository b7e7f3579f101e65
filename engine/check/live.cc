// Desired and live objects for the verification categories (see live.h).
#include "engine/check/live.h"

namespace meshform::check {

using nlohmann::json;

std::vector<const resources::Resource*> DesiredObjects(
    const resources::ResourceSet& desired, const std::string& kind, const std::string& group,
    const std::function<bool(const resources::Resource&)>& keep) {
  std::vector<const resources::Resource*> out;
  for (const auto& r : desired) {
    if (!r.is_object() || (!kind.empty() && r.object_kind() != kind)) continue;
    if (!group.empty() && kube::GroupOf(r.api_version()) != group) continue;
    if (keep && !keep(r)) continue;
    out.push_back(&r);
  }
  return out;
}

std::optional<json> LiveOf(kube::Client& client, const json& desired) {
  return client.GetIfExists(kube::RefOf(desired));
}

std::string DeploymentUnavailable(const json& deployment) {
  const json spec = deployment.value("spec", json::object());
  const json status = deployment.value("status", json::object());
  const int64_t want = spec.value("replicas", int64_t{1});
  const int64_t available = status.value("availableReplicas", int64_t{0});
  const int64_t generation = deployment["metadata"].value("generation", int64_t{0});
  if (status.value("observedGeneration", int64_t{0}) < generation)
    return "the controller has not yet seen its latest spec (generation " +
           std::to_string(generation) + ")";
  if (want == 0) return "it is scaled to 0 replicas";
  std::string available_condition;
  for (const auto& c : status.value("conditions", json::array())) {
    if (c.value("type", "") == "Available") available_condition = c.value("status", "");
  }
  if (available_condition != "True" || available < want) {
    return std::to_string(available) + " of " + std::to_string(want) +
           " replicas available (condition Available: " +
           (available_condition.empty() ? "absent" : available_condition) + ")";
  }
  return "";
}

std::string MetadataValue(const json& object, const char* field, const std::string& key) {
  const json meta = object.value("metadata", json::object());
  const json values = meta.value(field, json::object());
  auto it = values.find(key);
  return it != values.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string Kubectl(const topology::Topology& t, const std::string& cluster) {
  const topology::Cluster* c = t.FindCluster(cluster);
  return "kubectl --context " + (c ? c->context : cluster);
}

Check ReadFailure(const std::string& category, const std::string& name, const std::string& cluster,
                  const std::string& object, const std::exception& e) {
  Check failed{category, name, cluster, Result::kFail,
               "could not read " + object + ": " + e.what()};
  failed.objects.push_back(object);
  failed.hint = "the context's user must be able to get it (see `meshform check --pre`)";
  return failed;
}

}  // namespace meshform::check
