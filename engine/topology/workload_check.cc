// Workloads: unique per namespace; placement and override keys name clusters (overrides only
// clusters of the placement; karmada: the host among them, without an override); ports unique by
// name and by number/protocol; valid label keys.
#include <set>
#include <unordered_map>

#include "engine/topology/json_get.h"
#include "engine/topology/json_pointer.h"
#include "engine/topology/label_syntax.h"
#include "engine/topology/semantic_check.h"

namespace meshform::topology {
namespace {

void CheckUniqueWorkloads(const CheckContext& ctx) {
  std::unordered_map<std::string, int> first_line;
  const auto& workloads = ctx.topology.workloads;
  for (size_t i = 0; i < workloads.size(); ++i) {
    const Workload& w = workloads[i];
    if (w.name.empty() || w.namespace_.empty()) continue;
    std::string pointer = PointerAppend(PointerAppend("/workloads", i), "name");
    auto [it, inserted] =
        first_line.emplace(w.namespace_ + "/" + w.name, ctx.document.map.ValueAt(pointer).line);
    if (!inserted)
      ctx.At(pointer, "duplicate workload '" + w.name + "' in namespace '" + w.namespace_ +
                          "' (first at line " + std::to_string(it->second) + ")");
  }
}

void CheckPlacement(const CheckContext& ctx, const Workload& w, const std::string& pointer) {
  std::set<std::string> seen;
  for (size_t j = 0; j < w.placement.size(); ++j) {
    const std::string& cluster = w.placement[j];
    std::string item = PointerAppend(PointerAppend(pointer, "placement"), j);
    if (ctx.DanglingCluster(cluster))
      ctx.At(item, ctx.UnknownCluster(cluster));
    else if (!seen.insert(cluster).second)
      ctx.At(item, "cluster '" + cluster + "' is listed twice");
  }
}

void CheckOverrides(const CheckContext& ctx, const Workload& w, const std::string& pointer) {
  // A placement of the wrong type (reported by the schema) says nothing about overrides.
  const auto& json = ctx.document.json.at(nlohmann::json::json_pointer(pointer));
  bool placement_written = Member(json, "placement").is_array();
  for (const auto& [cluster, unused] : w.overrides) {
    std::string key = PointerAppend(PointerAppend(pointer, "overrides"), cluster);
    if (ctx.DanglingCluster(cluster))
      ctx.AtKey(key, ctx.UnknownCluster(cluster));
    else if (placement_written && ctx.topology.FindCluster(cluster) &&
             std::find(w.placement.begin(), w.placement.end(), cluster) == w.placement.end())
      ctx.AtKey(key, "cluster '" + cluster + "' is not in the workload's placement");
  }
}

// Karmada: the host's API server serves as Karmada's control plane, so a workload's Deployment
// template there is the host cluster's own Deployment: it runs there, unchanged.
void CheckKarmadaHost(const CheckContext& ctx, const Workload& w, const std::string& pointer) {
  const Federation& f = ctx.topology.federation;
  if (f.type != FederationType::kKarmada || !ctx.topology.FindCluster(f.host)) return;
  const std::string why =
      " (with federation karmada the host's API server serves as Karmada's "
      "control plane: the Deployment template there runs in it as it is)";
  if (std::find(w.placement.begin(), w.placement.end(), f.host) == w.placement.end())
    ctx.At(PointerAppend(pointer, "placement"),
           "the placement must include the host cluster '" + f.host + "'" + why);
  if (w.overrides.count(f.host) != 0)
    ctx.AtKey(PointerAppend(PointerAppend(pointer, "overrides"), f.host),
              "no override is possible for the host cluster '" + f.host + "'" + why);
}

void CheckPorts(const CheckContext& ctx, const Workload& w, const std::string& pointer) {
  std::set<std::string> names, numbers;
  for (size_t j = 0; j < w.ports.size(); ++j) {
    const Port& p = w.ports[j];
    std::string item = PointerAppend(PointerAppend(pointer, "ports"), j);
    if (!p.name.empty() && !names.insert(p.name).second)
      ctx.At(PointerAppend(item, "name"), "duplicate port name '" + p.name + "'");
    std::string number = std::to_string(p.port) + "/" + p.protocol;
    if (p.port > 0 && !numbers.insert(number).second)
      ctx.At(PointerAppend(item, "port"), "duplicate port " + number);
  }
}

void CheckLabelKeys(const CheckContext& ctx, const std::map<std::string, std::string>& labels,
                    const std::string& pointer) {
  for (const auto& [key, unused] : labels)
    if (!IsValidLabelKey(key))
      ctx.AtKey(PointerAppend(pointer, key), "invalid label key '" + key + "'");
}

}  // namespace

void CheckWorkloads(const CheckContext& ctx) {
  CheckUniqueWorkloads(ctx);
  const auto& workloads = ctx.topology.workloads;
  for (size_t i = 0; i < workloads.size(); ++i) {
    const Workload& w = workloads[i];
    std::string pointer = PointerAppend("/workloads", i);
    CheckPlacement(ctx, w, pointer);
    CheckOverrides(ctx, w, pointer);
    CheckKarmadaHost(ctx, w, pointer);
    CheckPorts(ctx, w, pointer);
    CheckLabelKeys(ctx, w.labels, PointerAppend(pointer, "labels"));
    for (const auto& [cluster, o] : w.overrides)
      CheckLabelKeys(
          ctx, o.labels,
          PointerAppend(PointerAppend(PointerAppend(pointer, "overrides"), cluster), "labels"));
  }
}

}  // namespace meshform::topology
