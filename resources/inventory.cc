#include "resources/inventory.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <tuple>

#include "engine/util/error.h"
#include "resources/state_objects.h"

namespace meshform::resources {

using nlohmann::json;

namespace {

constexpr size_t kMaxShards = 1024;  // 512 MiB of listing: far past any real topology

// FNV-1a, 64 bits: the same shard for an address on every build and platform.
uint64_t StableHash(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

json EntryJson(const InventoryEntry& e) {
  json j = {
      {"cluster", e.cluster}, {"apiVersion", e.api_version}, {"kind", e.kind}, {"name", e.name}};
  if (!e.ns.empty()) j["namespace"] = e.ns;
  return j;
}

// The bytes an entry adds to a shard's listing: its JSON as EntryJson dumps it (keys sorted, no
// spaces: {"apiVersion":"","cluster":"","kind":"","name":""} is 50 bytes, ,"namespace":"" 15
// more) and a comma. Counted, not dumped: a compile lays out 100,000 entries. Names, kinds and
// API versions never need JSON escapes (DNS names, identifiers).
size_t ListedBytes(const InventoryEntry& e) {
  size_t n = 50 + e.api_version.size() + e.cluster.size() + e.kind.size() + e.name.size() + 1;
  if (!e.ns.empty()) n += 15 + e.ns.size();
  return n;
}

InventoryEntry ShardEntry(const std::string& host, const std::string& name) {
  return {host, "v1", "ConfigMap", kStateNamespace, name};
}

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

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

std::string InventoryName(const std::string& topology) { return "meshform-inventory-" + topology; }

std::string InventoryShardName(const std::string& topology, size_t index, size_t count) {
  if (count == 1) return InventoryName(topology);
  return InventoryName(topology) + "." + std::to_string(index) + "-of-" + std::to_string(count);
}

bool IsInventoryShard(const std::string& topology, const std::string& name) {
  std::string base = InventoryName(topology);
  if (name == base) return true;
  if (name.size() <= base.size() + 1 || name.compare(0, base.size() + 1, base + ".") != 0) {
    return false;
  }
  std::string rest = name.substr(base.size() + 1);  // <i>-of-<N>
  auto of = rest.find("-of-");
  return of != std::string::npos && AllDigits(rest.substr(0, of)) && AllDigits(rest.substr(of + 4));
}

std::vector<InventoryShard> LayOutInventory(const std::string& topology, const std::string& host,
                                            std::vector<InventoryEntry> entries, size_t max_bytes) {
  std::vector<uint64_t> hashes(entries.size());
  std::vector<size_t> sizes(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    hashes[i] = StableHash(entries[i].Address());
    sizes[i] = ListedBytes(entries[i]);
  }
  size_t count = 1;
  std::vector<size_t> shard_of(entries.size(), 0);
  for (;;) {
    std::vector<size_t> bytes(count, 0);
    for (size_t s = 0; s < count; ++s) {  // shard 0 lists its generation's shards
      bytes[0] += ListedBytes(ShardEntry(host, InventoryShardName(topology, s, count)));
    }
    for (size_t i = 0; i < entries.size(); ++i) {
      shard_of[i] = hashes[i] % count;
      bytes[shard_of[i]] += sizes[i];
    }
    if (*std::max_element(bytes.begin(), bytes.end()) <= max_bytes || count >= kMaxShards) break;
    count *= 2;
  }
  std::vector<InventoryShard> shards(count);
  for (size_t s = 0; s < count; ++s) {
    shards[s].name = InventoryShardName(topology, s, count);
    shards[0].entries.push_back(ShardEntry(host, shards[s].name));
  }
  for (size_t i = 0; i < entries.size(); ++i) {
    shards[shard_of[i]].entries.push_back(std::move(entries[i]));
  }
  for (auto& shard : shards) std::sort(shard.entries.begin(), shard.entries.end());
  return shards;
}

json InventoryData(const InventoryShard& shard) {
  json list = json::array();
  for (const auto& e : shard.entries) list.push_back(EntryJson(e));
  return {{kInventoryKey, list.dump()}};
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
    std::string name = config_map.contains("metadata")
                           ? config_map["metadata"].value("name", "inventory")
                           : "inventory";
    throw Error("inventory ConfigMap " + name + " is malformed: " + std::string(e.what()));
  }
  return out;
}

LiveInventory ReadLiveInventory(const std::map<std::string, json>& owned, const std::string& host,
                                const std::string& topology) {
  LiveInventory out;
  std::string prefix = host + "/v1/ConfigMap/" + kStateNamespace + "/";
  std::set<InventoryEntry> all;
  for (auto it = owned.lower_bound(prefix); it != owned.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    if (!IsInventoryShard(topology, it->first.substr(prefix.size()))) continue;
    out.shards.push_back(it->first);
    for (auto& e : ParseInventory(it->second)) {
      out.listed_by.emplace(e.Address(), it->first);
      all.insert(std::move(e));
    }
  }
  out.entries.assign(all.begin(), all.end());
  return out;
}

}  // namespace meshform::resources
