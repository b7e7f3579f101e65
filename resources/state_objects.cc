#include "resources/state_objects.h"

#include <algorithm>
#include <tuple>

#include "engine/util/error.h"
#include "resources/placeholder.h"
#include "resources/values.h"

namespace meshform::resources {

using nlohmann::json;

std::string RootCaSecretName(const std::string& topology) { return "meshform-root-ca-" + topology; }

std::string InventoryCluster(const topology::Topology& t) {
  if (!t.federation.host.empty()) return t.federation.host;
  if (t.mesh.control_plane.mode == topology::ControlPlaneMode::kPrimaryRemote &&
      !t.mesh.control_plane.cluster.empty()) {
    return t.mesh.control_plane.cluster;
  }
  for (const auto& c : t.clusters) {
    if (c.role == topology::ClusterRole::kPrimary) return c.name;
  }
  return t.clusters.empty() ? "" : t.clusters.front().name;
}

namespace {

json RootCaSecret(const std::string& topology) {
  std::string root = RootCaAddress();
  return {{"apiVersion", "v1"},
          {"kind", "Secret"},
          {"metadata", {{"name", RootCaSecretName(topology)}, {"namespace", kStateNamespace}}},
          {"type", "Opaque"},
          {"data",
           {{"ca.crt", MakePlaceholder(root, "cert", "base64")},
            {"ca.key", MakePlaceholder(root, "key", "base64")}}}};
}

}  // namespace

void AddStateResources(const std::string& topology, const std::string& host, bool generated_root,
                       ResourceSet& set) {
  topology::Location here;
  std::vector<Resource> added;
  if (generated_root) {
    auto secret = MakeObject(host, RootCaSecret(topology), topology, here);
    secret.sensitive = true;
    DependOn(secret, RootCaAddress());
    // Nothing is issued from a generated root before the root is stored: a crash between
    // writing a cluster's cacerts and storing the root would lose the root's key, and the next
    // apply would generate another root (trust split across the mesh).
    for (auto& r : set) {
      if (r.is_value() && r.value.type == "ca-intermediate") DependOn(r, secret.address);
    }
    added.push_back(secret);
  }
  std::vector<InventoryEntry> entries;
  for (const auto* list : {&set, &added}) {
    for (const auto& r : *list) {
      if (r.is_object()) entries.push_back(EntryOf(r.cluster, r.object));
    }
  }
  for (auto& shard : LayOutInventory(topology, host, std::move(entries))) {
    json config_map = {{"apiVersion", "v1"},
                       {"kind", "ConfigMap"},
                       {"metadata", {{"name", shard.name}, {"namespace", kStateNamespace}}}};
    auto inv = MakeObject(host, config_map, topology, here);
    for (const auto& e : shard.entries) {
      if (e.kind != "ConfigMap" || e.ns != kStateNamespace || !IsInventoryShard(topology, e.name)) {
        DependOn(inv, e.Address());
      }
    }
    inv.object["data"] = InventoryData(shard);
    added.push_back(std::move(inv));
  }
  for (auto& r : added) set.push_back(std::move(r));
  Normalize(set);
}

}  // namespace meshform::resources
