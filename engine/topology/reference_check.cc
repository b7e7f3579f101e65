// Names and references between the mesh-wide parts: unique cluster names, contexts and network
// names; every cluster's network exists; the federation's host cluster exists.
#include <unordered_map>

#include "engine/topology/json_pointer.h"
#include "engine/topology/semantic_check.h"
#include "engine/topology/suggest.h"

namespace meshform::topology {
namespace {

// Reports every repeat of a name; `what` is e.g. "cluster name".
template <typename Items, typename Get>
void CheckUnique(const CheckContext& ctx, const Items& items, const std::string& list,
                 const std::string& key, const std::string& what, Get get) {
  std::unordered_map<std::string, int> first_line;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string value = get(items[i]);
    if (value.empty()) continue;
    std::string pointer = PointerAppend(PointerAppend(list, i), key);
    int line = ctx.document.map.ValueAt(pointer).line;
    auto [it, inserted] = first_line.emplace(value, line);
    if (!inserted)
      ctx.At(pointer, "duplicate " + what + " '" + value + "' (first at line " +
                          std::to_string(it->second) + ")");
  }
}

void CheckClusterNetworks(const CheckContext& ctx) {
  std::vector<std::string> networks;
  for (const auto& n : ctx.topology.networks)
    if (!n.name.empty()) networks.push_back(n.name);
  const auto& clusters = ctx.topology.clusters;
  for (size_t i = 0; i < clusters.size(); ++i) {
    const std::string& network = clusters[i].network;
    if (network.empty() || ctx.topology.FindNetwork(network)) continue;
    ctx.At(PointerAppend(PointerAppend("/clusters", i), "network"),
           "unknown network '" + network + "'" + DidYouMean(network, networks));
  }
}

void CheckFederationHost(const CheckContext& ctx) {
  const Federation& f = ctx.topology.federation;
  bool needs_host = f.type == FederationType::kKubefed || f.type == FederationType::kKarmada;
  if (needs_host && f.host.empty() && !ctx.Written("/federation/host")) {
    ctx.At("/federation/host", std::string("a ") +
                                   (f.type == FederationType::kKubefed ? "kubefed" : "karmada") +
                                   " federation needs a host cluster");
    return;
  }
  std::string host = ctx.StringAt("/federation/host");
  if (ctx.DanglingCluster(host)) ctx.At("/federation/host", ctx.UnknownCluster(host));
}

}  // namespace

void CheckReferences(const CheckContext& ctx) {
  const Topology& t = ctx.topology;
  CheckUnique(ctx, t.clusters, "/clusters", "name", "cluster name",
              [](const Cluster& c) { return c.name; });
  CheckUnique(ctx, t.clusters, "/clusters", "context", "context",
              [](const Cluster& c) { return c.context; });
  CheckUnique(ctx, t.networks, "/networks", "name", "network name",
              [](const Network& n) { return n.name; });
  CheckClusterNetworks(ctx);
  CheckFederationHost(ctx);
}

}  // namespace meshform::topology
