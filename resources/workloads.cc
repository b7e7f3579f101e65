// Deployments of workloads, and their per-cluster overrides.
#include "resources/workloads.h"

namespace meshform::resources {

namespace {

const topology::WorkloadOverride* FindOverride(const topology::Workload& w,
                                               const std::string& cluster) {
  auto it = w.overrides.find(cluster);
  return it == w.overrides.end() ? nullptr : &it->second;
}

json Container(const topology::Workload& w, const std::string& image) {
  json c = {{"name", w.name}, {"image", image}};
  if (!w.command.empty()) c["command"] = w.command;
  if (!w.args.empty()) c["args"] = w.args;
  return c;
}

json Patch(const std::string& path, const json& value) {
  return {{"path", path}, {"value", value}};
}

// A label the base Deployment lacks: KubeFed's default op, replace, fails on a missing member.
// (Labels the base has keep the default, as the seed writes them.)
json LabelPatch(const std::string& path, const json& value) {
  return {{"op", "add"}, {"path", path}, {"value", value}};
}

}  // namespace

std::string PointerToken(const std::string& key) {
  std::string out;
  for (char ch : key) {
    if (ch == '~')
      out += "~0";
    else if (ch == '/')
      out += "~1";
    else
      out += ch;
  }
  return out;
}

json WorkloadLabels(const topology::Workload& w, const std::string& cluster) {
  json labels = {{"app", w.name}};
  for (const auto& [k, v] : w.labels) labels[k] = v;
  if (const auto* o = FindOverride(w, cluster))
    for (const auto& [k, v] : o->labels) labels[k] = v;
  return labels;
}

// Built by assignment, not nested initializer lists: those copy every inner value once per
// level, and compiling 100k resources spends its time there.
json DeploymentObject(const topology::Workload& w, const std::string& cluster) {
  const auto* o = FindOverride(w, cluster);
  const std::string& image = o != nullptr && o->image ? *o->image : w.image;
  int replicas = o != nullptr && o->replicas ? *o->replicas : w.replicas;
  json labels = WorkloadLabels(w, cluster);
  json d = json::object();
  d["apiVersion"] = "apps/v1";
  d["kind"] = "Deployment";
  json& metadata = d["metadata"];
  metadata["name"] = w.name;
  metadata["namespace"] = w.namespace_;
  metadata["labels"] = labels;
  json& spec = d["spec"];
  spec["replicas"] = replicas;
  spec["selector"]["matchLabels"] = labels;
  json& pod = spec["template"];
  pod["metadata"]["labels"] = std::move(labels);
  pod["spec"]["containers"] = json::array();
  pod["spec"]["containers"].push_back(Container(w, image));
  return d;
}

json OverridePatches(const topology::Workload& w, const std::string& cluster) {
  json patches = json::array();
  const auto* o = FindOverride(w, cluster);
  if (o == nullptr) return patches;
  if (o->image) patches.push_back(Patch("/spec/template/spec/containers/0/image", *o->image));
  const json base_labels = DeploymentObject(w)["metadata"]["labels"];
  for (const auto& [k, v] : o->labels) {
    std::string token = PointerToken(k);
    auto patch = base_labels.contains(k) ? Patch : LabelPatch;
    patches.push_back(patch("/spec/template/metadata/labels/" + token, v));
    patches.push_back(patch("/spec/selector/matchLabels/" + token, v));
    patches.push_back(patch("/metadata/labels/" + token, v));
  }
  if (o->replicas) patches.push_back(Patch("/spec/replicas", *o->replicas));
  return patches;
}

}  // namespace meshform::resources
