// The inventory's layout over shards (resources/inventory.h): one ConfigMap under the old name
// while it fits, otherwise a power of two of them, each under the size limit, each entry in
// exactly one shard (and the same one while the count stays), shard 0 listing its generation;
// and reading the union back from live shards.
#include "resources/inventory.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "engine/util/error.h"
#include "resources/state_objects.h"

namespace meshform::resources {
namespace {

std::vector<InventoryEntry> Entries(int n, const std::string& cluster = "c1") {
  std::vector<InventoryEntry> out;
  for (int i = 0; i < n; ++i) {
    out.push_back({cluster, "apps/v1", "Deployment", "workloads-" + std::to_string(i % 7),
                   "workload-" + std::to_string(i)});
  }
  return out;
}

bool IsShardEntry(const InventoryEntry& e) {
  return e.kind == "ConfigMap" && e.ns == kStateNamespace && IsInventoryShard("mesh", e.name);
}

std::map<std::string, std::string> ShardOfEach(const std::vector<InventoryShard>& shards) {
  std::map<std::string, std::string> out;
  for (const auto& s : shards) {
    for (const auto& e : s.entries) {
      if (!IsShardEntry(e)) out[e.Address()] = s.name;
    }
  }
  return out;
}

TEST(InventoryTest, ASmallInventoryIsOneConfigMapUnderItsOldName) {
  auto shards = LayOutInventory("mesh", "c1", Entries(10));
  ASSERT_EQ(shards.size(), 1u);
  EXPECT_EQ(shards[0].name, "meshform-inventory-mesh");
  EXPECT_EQ(shards[0].entries.size(), 11u);  // and itself
  EXPECT_TRUE(std::is_sorted(shards[0].entries.begin(), shards[0].entries.end()));
}

TEST(InventoryTest, ALargeOneIsShardedEachUnderTheLimitEveryEntryOnce) {
  const size_t limit = 16 * 1024;
  auto entries = Entries(2000);
  auto shards = LayOutInventory("mesh", "c1", entries, limit);
  size_t n = shards.size();
  ASSERT_GT(n, 1u);
  EXPECT_EQ(n & (n - 1), 0u) << n << " is not a power of two";
  std::multiset<std::string> listed;
  for (size_t i = 0; i < n; ++i) {
    EXPECT_EQ(shards[i].name,
              "meshform-inventory-mesh." + std::to_string(i) + "-of-" + std::to_string(n));
    EXPECT_LE(InventoryData(shards[i])[kInventoryKey].get<std::string>().size(), limit);
    int generation = 0;
    for (const auto& e : shards[i].entries) {
      if (IsShardEntry(e)) {
        ++generation;
      } else {
        listed.insert(e.Address());
      }
    }
    EXPECT_EQ(generation, i == 0 ? static_cast<int>(n) : 0)
        << shards[i].name << ": shard 0 lists the generation, no other";
  }
  EXPECT_EQ(listed.size(), entries.size());
  for (const auto& e : entries) EXPECT_EQ(listed.count(e.Address()), 1u) << e.Address();
  // Four times the limit needs fewer shards.
  EXPECT_LT(LayOutInventory("mesh", "c1", entries, limit * 4).size(), n);
}

// The layout counts an entry's bytes instead of dumping it: a limit of exactly one shard's
// listing keeps one shard, a byte less needs two.
TEST(InventoryTest, TheCountedSizeIsTheListingsSize) {
  auto entries = Entries(500);
  auto one = LayOutInventory("mesh", "c1", entries, 1 << 30);
  ASSERT_EQ(one.size(), 1u);
  size_t listed = InventoryData(one[0])[kInventoryKey].get<std::string>().size();
  EXPECT_EQ(LayOutInventory("mesh", "c1", entries, listed).size(), 1u);
  EXPECT_GE(LayOutInventory("mesh", "c1", entries, listed - 2).size(), 2u);
}

TEST(InventoryTest, WhileTheCountStaysAnEntryStaysInItsShard) {
  const size_t limit = 64 * 1024;
  auto entries = Entries(2000);
  auto before = LayOutInventory("mesh", "c1", entries, limit);
  auto more = entries;
  more.push_back({"c2", "v1", "Service", "x", "added"});
  more.erase(more.begin() + 5);
  auto after = LayOutInventory("mesh", "c1", more, limit);
  ASSERT_EQ(before.size(), after.size());
  ASSERT_GT(before.size(), 1u);
  auto was = ShardOfEach(before), is = ShardOfEach(after);
  for (const auto& [address, shard] : is) {
    if (was.count(address)) {
      EXPECT_EQ(was[address], shard) << address;
    }
  }
}

TEST(InventoryTest, ShardNamesAreRecognisedAndNothingElse) {
  EXPECT_TRUE(IsInventoryShard("mesh", "meshform-inventory-mesh"));
  EXPECT_TRUE(IsInventoryShard("mesh", "meshform-inventory-mesh.3-of-8"));
  EXPECT_FALSE(IsInventoryShard("mesh", "meshform-inventory-mesh2"));
  EXPECT_FALSE(IsInventoryShard("mesh", "meshform-inventory-mesh-2"));  // topology "mesh-2"
  EXPECT_FALSE(IsInventoryShard("mesh", "meshform-inventory-mesh.x-of-8"));
  EXPECT_FALSE(IsInventoryShard("mesh", "meshform-inventory-mesh.3-of-"));
  EXPECT_FALSE(IsInventoryShard("mesh", "meshform-root-ca-mesh"));
}

TEST(InventoryTest, TheLiveInventoryIsTheUnionOfEveryShardOfTheTopology) {
  auto shards = LayOutInventory("mesh", "c1", Entries(300), 8 * 1024);
  ASSERT_GT(shards.size(), 1u);
  std::map<std::string, nlohmann::json> owned;
  std::string prefix = "c1/v1/ConfigMap/" + std::string(kStateNamespace) + "/";
  for (const auto& s : shards) {
    owned[prefix + s.name] = {{"metadata", {{"name", s.name}}}, {"data", InventoryData(s)}};
  }
  // An older single inventory still live (a crash before it was pruned), another topology's,
  // and an ordinary ConfigMap beside them.
  auto old = LayOutInventory("mesh", "c1", {{"c9", "v1", "Secret", "s", "old"}});
  owned[prefix + old[0].name] = {{"metadata", {{"name", old[0].name}}},
                                 {"data", InventoryData(old[0])}};
  auto other = LayOutInventory("other", "c1", {{"c9", "v1", "Secret", "s", "theirs"}});
  owned[prefix + other[0].name] = {{"data", InventoryData(other[0])}};
  owned["c1/v1/ConfigMap/app/x"] = {{"data", {{"objects", "not json"}}}};

  auto live = ReadLiveInventory(owned, "c1", "mesh");
  EXPECT_EQ(live.shards.size(), shards.size() + 1);
  std::set<std::string> addresses;
  for (const auto& e : live.entries) addresses.insert(e.Address());
  EXPECT_EQ(addresses.size(), live.entries.size()) << "each entry once";
  EXPECT_TRUE(addresses.count("c9/v1/Secret/s/old"));
  EXPECT_FALSE(addresses.count("c9/v1/Secret/s/theirs"));
  EXPECT_EQ(addresses.size(), 300u + shards.size() + 2);  // the shards and the old inventory
  EXPECT_EQ(live.listed_by.at("c9/v1/Secret/s/old"), prefix + old[0].name);
  std::string some = Entries(1)[0].Address();
  EXPECT_EQ(ShardOfEach(shards).at(some), live.listed_by.at(some).substr(prefix.size()));
}

TEST(InventoryTest, AMalformedShardIsAnErrorNamingIt) {
  std::map<std::string, nlohmann::json> owned;
  std::string name = "meshform-inventory-mesh.0-of-2";
  owned["c1/v1/ConfigMap/" + std::string(kStateNamespace) + "/" + name] = {
      {"metadata", {{"name", name}}}, {"data", {{kInventoryKey, "[{\"cluster\":1}]"}}}};
  try {
    ReadLiveInventory(owned, "c1", "mesh");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(name), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace meshform::resources
