#include "resources/state_objects.h"

#include <algorithm>
#include <tuple>

#include "engine/util/error.h"
#include "resources/placeholder.h"
#include "resources/values.h"

namespace meshform::resources {

using nlohmann::json;

std::string InventoryName(const std::string& topology) { return "meshform-inventory-" + topology; }
std::string RootCaSecretName(const std::string& topology) { return "meshform-root-ca-" + topology; }

std::string InventoryEntry::Address() const {
  std::string a = cluster + "/" + api_version + "/" + kind + "/";
  if (!ns.empty()) a += ns + "/";
  return a + name;
}

bool InventoryEntry::operator<(const InventoryEntry& o) const {
  return std::tie(cluster, api_version, kind, ns, name) <
         std::tie(o.cluster, o.api_version, o.kind, o.ns, o.name);
}

InventoryEntry EntryOf(const std::string& cluster, const json& object) {
  const json& meta = object.at("metadata");
  return {cluster, object.value("apiVersion", ""), object.value("kind", ""),
          meta.value("namespace", ""), meta.value("name", "")};
}

std::vector<InventoryEntry> ParseInventory(const json& config_map) {
  std::vector<InventoryEntry> out;
  try {
    const auto& data = config_map.at("data");
    if (!data.contains(kInventoryKey)) return out;
    for (const auto& e : json::parse(data.at(kInventoryKey).get<std::string>())) {
      out.push_back({e.at("cluster"), e.at("apiVersion"), e.at("kind"), e.value("namespace", ""),
                     e.at("name")});
    }
  } catch (const std::exception& e) {
    throw Error("inventory ConfigMap is malformed: " + std::string(e.what()));
  }
  return out;
}

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

json EntryJson(const InventoryEntry& e) {
  json j = {
      {"cluster", e.cluster}, {"apiVersion", e.api_version}, {"kind", e.kind}, {"name", e.name}};
  if (!e.ns.empty()) j["namespace"] = e.ns;
  return j;
}

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
  json inventory = {
      {"apiVersion", "v1"},
      {"kind", "ConfigMap"},
      {"metadata", {{"name", InventoryName(topology)}, {"namespace", kStateNamespace}}}};
  auto inv = MakeObject(host, inventory, topology, here);

  std::vector<InventoryEntry> entries;
  for (const auto* list : {&set, &added}) {
    for (const auto& r : *list) {
      if (!r.is_object()) continue;
      entries.push_back(EntryOf(r.cluster, r.object));
      DependOn(inv, r.address);
    }
  }
  entries.push_back(EntryOf(host, inv.object));
  std::sort(entries.begin(), entries.end());
  json list = json::array();
  for (const auto& e : entries) list.push_back(EntryJson(e));
  inv.object["data"] = {{kInventoryKey, list.dump()}};
  for (auto& r : added) set.push_back(std::move(r));
  set.push_back(std::move(inv));
  Normalize(set);
}

}  // namespace meshform::resources
