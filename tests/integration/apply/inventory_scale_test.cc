// The sharded inventory on real API servers, through the meshform binary on the local clusters:
// a topology of a small mesh plus 5,700 ConfigMaps spread over three clusters (raw manifests;
// about 670 KB of listing, over one shard's 512 KiB) is applied, a plan then shows no changes,
// the inventory is several ConfigMaps each under the API server's 1 MiB limit whose union lists
// every object; a smaller topology (one cluster's objects dropped, about 450 KB of listing) then
// prunes them and writes the inventory back as the single ConfigMap of before sharding (a new
// generation, the old shards deleted after it is written); destroy leaves nothing. Layouts of
// more shards (and their limits) are covered over the in-process server in
// tests/unit/plan/inventory_plan_test.cc and tests/unit/resources/inventory_test.cc.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "resources/inventory.h"
#include "resources/state_objects.h"
#include "tests/support/clusters.h"
#include "tests/support/commands.h"
#include "tests/support/topology_gen.h"

namespace meshform::testing {
namespace {

using nlohmann::json;

constexpr int kPerCluster = 1900;

std::string ConfigMaps(const std::string& ns, int count) {
  std::ostringstream y;
  y << "apiVersion: v1\nkind: Namespace\nmetadata: {name: " << ns << "}\n";
  for (int i = 0; i < count; ++i) {
    y << "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings-" << i
      << ", namespace: " << ns << "}\ndata: {index: \"" << i << "\"}\n";
  }
  return y.str();
}

// The generated mesh (one workload) and, for each of `with` clusters, kPerCluster ConfigMaps.
std::string Topology(const std::string& name, const std::string& dir,
                     const std::vector<std::string>& contexts, size_t with) {
  std::string y = GeneratedTopology(name, 1, contexts, name + "-app");
  y += "manifests:\n";
  for (size_t i = 0; i < with; ++i) {
    std::string file = dir + "/" + contexts[i] + ".yaml";
    WriteFile(file, ConfigMaps(name + "-data", kPerCluster));
    y += "  - {cluster: " + contexts[i] + ", file: " + file + "}\n";
  }
  return y;
}

struct Inventory {
  std::vector<std::string> shards;
  std::set<std::string> listed;
  size_t largest = 0;
};

Inventory LiveInventory(const std::string& host, const std::string& topology) {
  auto r = Kubectl(host, "get configmaps -n " + std::string(resources::kStateNamespace) +
                             " -l meshform.io/topology=" + topology + " -o json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  Inventory out;
  if (r.exit_code != 0) return out;
  json list = json::parse(r.out);
  for (const auto& item : list["items"]) {
    std::string name = item["metadata"]["name"];
    if (!resources::IsInventoryShard(topology, name)) continue;
    out.shards.push_back(name);
    out.largest = std::max(out.largest, item.dump().size());
    for (const auto& e : resources::ParseInventory(item)) out.listed.insert(e.Address());
  }
  return out;
}

// meshform's ConfigMaps in `ns` (not the kube-root-ca.crt every namespace gets).
int Count(const std::string& context, const std::string& ns, const std::string& topology) {
  auto r = Kubectl(context,
                   "get configmaps -n " + ns + " -l meshform.io/topology=" + topology + " -o name");
  if (r.exit_code != 0) return 0;
  return static_cast<int>(std::count(r.out.begin(), r.out.end(), '\n'));
}

TEST(InventoryScale, ThousandsOfObjectsInShardsApplyPlanCleanThenShrinkToOneConfigMap) {
  auto contexts = TestContexts(3);
  std::string name = UniqueName("scale");
  std::string dir = MakeTempDir("meshform-scale");
  std::string file = dir + "/topology.yaml";
  WriteFile(file, Topology(name, dir, contexts, 3));

  auto applied = Meshform("apply -f " + file + " -auto-approve");
  ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
  for (const auto& c : contexts) EXPECT_EQ(Count(c, name + "-data", name), kPerCluster) << c;
  Inventory big = LiveInventory(contexts[0], name);
  EXPECT_GT(big.shards.size(), 1u);
  EXPECT_LT(big.largest, 1024u * 1024u) << "a shard over the API server's limit";
  EXPECT_GE(big.listed.size(), static_cast<size_t>(3 * kPerCluster));
  for (const auto& c : contexts) {
    std::string some = c + "/v1/ConfigMap/" + name + "-data/settings-1234";
    EXPECT_TRUE(big.listed.count(some)) << some << " is not in the inventory";
  }

  auto plan = Meshform("plan -f " + file + " --detailed-exitcode");
  EXPECT_EQ(plan.exit_code, 0) << plan.out << plan.err;

  // The third cluster's objects dropped: they are pruned, and the inventory shrinks to a new
  // generation, the single ConfigMap (the old shards deleted after it is written).
  WriteFile(file, Topology(name, dir, contexts, 2));
  auto shrunk = Meshform("apply -f " + file + " -auto-approve");
  ASSERT_EQ(shrunk.exit_code, 0) << shrunk.out << shrunk.err;
  EXPECT_EQ(Count(contexts[2], name + "-data", name), 0);
  EXPECT_EQ(Count(contexts[1], name + "-data", name), kPerCluster);
  Inventory small = LiveInventory(contexts[0], name);
  EXPECT_EQ(small.shards, std::vector<std::string>{resources::InventoryName(name)});
  EXPECT_GE(small.listed.size(), static_cast<size_t>(2 * kPerCluster));
  EXPECT_FALSE(small.listed.count(contexts[2] + "/v1/ConfigMap/" + name + "-data/settings-1"));
  EXPECT_TRUE(small.listed.count(contexts[0] + "/v1/ConfigMap/" + name + "-data/settings-1"));
  auto again = Meshform("plan -f " + file + " --detailed-exitcode");
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;

  auto destroyed = Meshform("destroy -f " + file + " -auto-approve");
  ASSERT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
  EXPECT_EQ(Count(contexts[0], name + "-data", name), 0);
  EXPECT_TRUE(LiveInventory(contexts[0], name).shards.empty());
}

}  // namespace
}  // namespace meshform::testing
