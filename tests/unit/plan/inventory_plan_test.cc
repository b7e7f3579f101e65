// Proves the order in which a plan writes the sharded inventory (resources/inventory.h), so that
// a crash between any two steps leaves live shards whose union lists every live object:
//   * apply: the first apply that needs more than one shard writes the new generation before it
//     deletes the old single ConfigMap, and a pruned object is deleted before any shard that
//     no longer lists it is written;
//   * destroy: every object goes before the shard that lists it.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>

#include "engine/apply/execution_graph.h"
#include "engine/plan/planner.h"
#include "resources/state_objects.h"
#include "tests/unit/kube/fake_api.h"
#include "tests/unit/plan/fake_list_server.h"

namespace meshform::plan {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kOurs = {
    {resources::kManagedByLabel, resources::kManagedByValue}, {resources::kTopologyLabel, "mesh"}};
constexpr int kObjects = 4000;
// Long names: 4,000 entries of ~150 bytes are more than one shard's worth (512 KiB).
const std::string kNs = "an-application-namespace-with-a-rather-long-name";
std::string Name(int i) { return "a-configuration-map-with-a-long-name-" + std::to_string(i); }

struct InventoryPlanTest : ::testing::Test {
  testing::FakeListServer server;
  std::unique_ptr<testing::FakeListCluster> fake;
  resources::ResourceSet set;

  void SetUp() override {
    kube::ClientOptions options;
    options.list_page_size = 2 * kObjects;  // one page: the fake server scans every object a page
    fake = std::make_unique<testing::FakeListCluster>(server, options);
    for (int i = 0; i < kObjects; ++i) {
      json cm = {{"apiVersion", "v1"},
                 {"kind", "ConfigMap"},
                 {"metadata", {{"name", Name(i)}, {"namespace", kNs}}},
                 {"data", {{"k", "v"}}}};
      set.push_back(resources::MakeObject("c1", cm, "mesh", {}));
    }
    resources::AddStateResources("mesh", "c1", false, set);
  }

  // The live objects of an earlier apply: the ConfigMaps, `gone` (no longer declared), and the
  // single inventory ConfigMap listing all of them.
  void EarlierApplyWithOneShard() {
    json list = json::array();
    auto entry = [&](const std::string& ns, const std::string& name) {
      list.push_back({{"cluster", "c1"},
                      {"apiVersion", "v1"},
                      {"kind", "ConfigMap"},
                      {"namespace", ns},
                      {"name", name}});
    };
    for (int i = 0; i < kObjects; ++i) {
      server.Add("ConfigMap", kNs, Name(i), kOurs);
      entry(kNs, Name(i));
    }
    server.Add("ConfigMap", kNs, "gone", kOurs);
    entry(kNs, "gone");
    entry(resources::kStateNamespace, resources::InventoryName("mesh"));
    server.Add("ConfigMap", resources::kStateNamespace, resources::InventoryName("mesh"), kOurs,
               {{resources::kInventoryKey, list.dump()}});
  }

  Plan Build(Mode mode) {
    PlanInput input;
    input.topology_name = "mesh";
    input.inventory_cluster = "c1";
    input.resources = &set;
    PlanOptions options;
    options.mode = mode;
    options.confirm_with_dry_run = false;
    return BuildPlan(input, *fake->clients, options);
  }
};

std::string StateAddress(const std::string& name) {
  return "c1/v1/ConfigMap/" + std::string(resources::kStateNamespace) + "/" + name;
}

size_t IndexOf(const Plan& plan, const std::string& address) {
  for (size_t i = 0; i < plan.changes.size(); ++i) {
    if (plan.changes[i].address == address) return i;
  }
  ADD_FAILURE() << address << " is not in the plan";
  return 0;
}

// Does step `from` run only after step `to` (directly or through others)?
bool RunsAfter(const graph::Dag& dag, size_t from, size_t to) {
  std::set<size_t> seen;
  std::function<bool(size_t)> visit = [&](size_t i) {
    for (size_t d : dag.dependencies(i)) {
      if (d == to) return true;
      if (seen.insert(d).second && visit(d)) return true;
    }
    return false;
  };
  return visit(from);
}

std::vector<std::string> NewShards(const Plan& plan) {
  std::vector<std::string> out;
  for (const auto& c : plan.changes) {
    if (c.address.find(resources::InventoryName("mesh") + ".") != std::string::npos) {
      out.push_back(c.address);
    }
  }
  return out;
}

TEST_F(InventoryPlanTest, ANewGenerationIsWrittenBeforeTheOldOneAndPrunesBeforeBoth) {
  EarlierApplyWithOneShard();
  Plan plan = Build(Mode::kApply);
  auto shards = NewShards(plan);
  ASSERT_GE(shards.size(), 2u);
  auto dag = apply::ExecutionGraph(plan);
  size_t old_shard = IndexOf(plan, StateAddress(resources::InventoryName("mesh")));
  size_t gone = IndexOf(plan, "c1/v1/ConfigMap/" + kNs + "/gone");
  EXPECT_EQ(plan.changes[old_shard].action, Action::kDelete);
  EXPECT_EQ(plan.changes[gone].action, Action::kDelete);
  for (const auto& s : shards) {
    size_t i = IndexOf(plan, s);
    EXPECT_EQ(plan.changes[i].action, Action::kCreate) << s;
    EXPECT_TRUE(RunsAfter(dag, old_shard, i)) << "the old inventory goes before " << s;
    EXPECT_TRUE(RunsAfter(dag, i, gone)) << s << " is written before the pruned object goes";
    EXPECT_FALSE(RunsAfter(dag, gone, i));
  }
  // And a shard after each object it lists.
  size_t cm = IndexOf(plan, "c1/v1/ConfigMap/" + kNs + "/" + Name(7));
  size_t listing = 0;
  for (const auto& s : shards) {
    size_t i = IndexOf(plan, s);
    auto data = plan.changes[i].resource.object["data"][resources::kInventoryKey];
    if (data.get<std::string>().find("\"" + Name(7) + "\"") != std::string::npos) listing = i;
  }
  ASSERT_NE(listing, 0u);
  EXPECT_TRUE(RunsAfter(dag, listing, cm));
}

TEST_F(InventoryPlanTest, DestroyDeletesEveryObjectBeforeTheShardThatListsIt) {
  EarlierApplyWithOneShard();
  Plan plan = Build(Mode::kDestroy);
  auto dag = apply::ExecutionGraph(plan);
  size_t shard = IndexOf(plan, StateAddress(resources::InventoryName("mesh")));
  ASSERT_EQ(plan.changes[shard].action, Action::kDelete);
  int objects = 0;
  for (size_t i = 0; i < plan.changes.size(); ++i) {
    if (i == shard || plan.changes[i].action != Action::kDelete) continue;
    ++objects;
    const auto& waits = dag.dependencies(shard);
    EXPECT_TRUE(std::find(waits.begin(), waits.end(), i) != waits.end()) << plan.changes[i].address;
  }
  EXPECT_EQ(objects, kObjects + 1);  // and `gone`
}

}  // namespace
}  // namespace meshform::plan
