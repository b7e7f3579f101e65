// meshform's inventory of a topology: every object it manages, in every cluster, listed in
// ConfigMaps in the host cluster's meshform-system namespace, so that an object dropped from the
// topology is planned for deletion and nothing meshform does not own is ever deleted.
//
// The API server refuses objects over 1 MiB, so the inventory is sharded: `count` ConfigMaps (a
// power of two, as few as keep each under kInventoryShardBytes), an entry in the shard its
// address hashes to (FNV-1a, stable across builds), and shard 0 also lists every shard of its
// generation. A single shard is named meshform-inventory-<topology> (as before sharding);
// the shards of a count N > 1 are meshform-inventory-<topology>.<i>-of-<N>. So:
//   * while the count stays, an entry stays in its shard: rewriting one shard never drops an
//     entry of another, and a crash between two shard writes loses nothing;
//   * a new count is a new generation under new names: the planner deletes the old generation
//     only after every new shard is written (planner.cc), so the live shards' union lists every
//     object at every moment.
// Readers take the union of every live shard of the topology, found by name (ReadLiveInventory):
// a shard no other shard lists (its shard 0 already deleted) is read, and pruned, all the same.
#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace meshform::resources {

inline constexpr const char* kInventoryKey = "objects";
// Half the API server's limit: room for long names and the object's own metadata.
inline constexpr size_t kInventoryShardBytes = 512 * 1024;

// One managed object.
struct InventoryEntry {
  std::string cluster;
  std::string api_version;
  std::string kind;
  std::string ns;  // "" when cluster-scoped
  std::string name;

  std::string Address() const;  // as resources::ObjectAddress
  bool operator<(const InventoryEntry& other) const;
};

InventoryEntry EntryOf(const std::string& cluster, const nlohmann::json& object);

std::string InventoryName(const std::string& topology);  // meshform-inventory-<topology>
// Shard `index` of `count`: InventoryName when count is 1.
std::string InventoryShardName(const std::string& topology, size_t index, size_t count);
// Is `name` a shard of `topology`'s inventory, of any count?
bool IsInventoryShard(const std::string& topology, const std::string& name);

// One ConfigMap of the inventory: its name and what it lists (sorted; shard 0 also lists its
// generation's shards).
struct InventoryShard {
  std::string name;
  std::vector<InventoryEntry> entries;
};

// `entries` (the managed objects, without the inventory itself) laid out over as few shards as
// keep each one's listing under `max_bytes`. Shards of the host cluster `host`.
std::vector<InventoryShard> LayOutInventory(const std::string& topology, const std::string& host,
                                            std::vector<InventoryEntry> entries,
                                            size_t max_bytes = kInventoryShardBytes);

// The `data` of a shard's ConfigMap.
nlohmann::json InventoryData(const InventoryShard& shard);

// The entries of one live inventory ConfigMap. Throws meshform::Error when it is malformed.
std::vector<InventoryEntry> ParseInventory(const nlohmann::json& config_map);

// What the live shards of a topology's inventory list, together.
struct LiveInventory {
  std::vector<std::string> shards;               // addresses of the live shards
  std::vector<InventoryEntry> entries;           // their union, each once, sorted
  std::map<std::string, std::string> listed_by;  // entry address -> a shard listing it
};

// Reads the shards among `owned` (live objects by address, as the planner reads them; the
// inventory lives in `host`). Throws meshform::Error naming a malformed shard.
LiveInventory ReadLiveInventory(const std::map<std::string, nlohmann::json>& owned,
                                const std::string& host, const std::string& topology);

}  // namespace meshform::resources
