// Proves how the planner's live-state reader lists: the ownership LIST pages through every
// owned object; the wanted objects it did not find are looked for in their own namespaces (one
// object: by name), never by an unfiltered LIST over the whole cluster unless they are spread
// over many namespaces; cluster-scoped and paged reads return everything.
#include "engine/plan/live_state.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "resources/resource.h"
#include "tests/unit/kube/fake_api.h"
#include "tests/unit/plan/fake_list_server.h"

namespace meshform::plan {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

const std::map<std::string, std::string> kOurs = {
    {resources::kManagedByLabel, resources::kManagedByValue}, {resources::kTopologyLabel, "mesh"}};

struct LiveStateTest : ::testing::Test {
  testing::FakeListServer server;
  std::unique_ptr<testing::FakeListCluster> fake;

  void Connect(int64_t page_size) {
    kube::ClientOptions options;
    options.list_page_size = page_size;
    fake = std::make_unique<testing::FakeListCluster>(server, options);
  }

  LiveState Read(const std::vector<WantedObject>& wanted) {
    return ReadLiveState(wanted, "mesh", *fake->clients, 4);
  }
};

WantedObject ConfigMapIn(const std::string& ns, const std::string& name) {
  return {"c1", "v1", "ConfigMap", ns, name};
}

TEST_F(LiveStateTest, TheOwnershipListReadsEveryPage) {
  Connect(2);
  std::vector<WantedObject> wanted;
  for (int i = 0; i < 7; ++i) {
    std::string name = "cm" + std::to_string(i);
    server.Add("ConfigMap", i % 2 ? "a" : "b", name, kOurs);
    wanted.push_back(ConfigMapIn(i % 2 ? "a" : "b", name));
  }
  server.Add("ConfigMap", "gone", "left-behind", kOurs);  // owned, no longer declared
  LiveState live = Read(wanted);
  EXPECT_EQ(live.owned.size(), 8u);  // every page, and owned objects outside wanted namespaces
  EXPECT_TRUE(live.owned.count("c1/v1/ConfigMap/gone/left-behind"));
  EXPECT_TRUE(live.unowned.empty());
  auto lists = server.Lists();
  ASSERT_EQ(lists.size(), 4u);  // 8 objects, pages of 2; nothing was missing
  EXPECT_THAT(lists[0], HasSubstr("/api/v1/configmaps?labelSelector="));
  EXPECT_THAT(lists[0], HasSubstr("&limit=2"));
}

TEST_F(LiveStateTest, MissingObjectsAreLookedForInTheirOwnNamespaces) {
  Connect(500);
  server.Add("ConfigMap", "a", "x");
  server.Add("ConfigMap", "a", "y");
  server.Add("ConfigMap", "b", "z");
  server.Add("ConfigMap", "c", "x");  // same name in a namespace nothing is wanted in
  for (int i = 0; i < 20; ++i) server.Add("ConfigMap", "other", "noise" + std::to_string(i));
  LiveState live = Read({ConfigMapIn("a", "x"), ConfigMapIn("a", "y"), ConfigMapIn("a", "new"),
                         ConfigMapIn("b", "z")});
  EXPECT_EQ(live.unowned.size(), 3u);
  EXPECT_TRUE(live.unowned.count("c1/v1/ConfigMap/b/z"));
  EXPECT_FALSE(live.unowned.count("c1/v1/ConfigMap/c/x"));
  auto lists = server.Lists();
  EXPECT_THAT(lists, Contains("/api/v1/namespaces/a/configmaps?limit=500"));
  EXPECT_THAT(lists,
              Contains("/api/v1/namespaces/b/configmaps?fieldSelector=metadata.name=z&limit=500"));
  EXPECT_THAT(lists, Not(Contains("/api/v1/configmaps?limit=500")));  // no unfiltered cluster LIST
  EXPECT_EQ(lists.size(), 3u);  // ownership + one per namespace
}

TEST_F(LiveStateTest, SecretsSpreadOverManyNamespacesAreReadByOnePagedClusterList) {
  Connect(10);
  std::vector<WantedObject> wanted;
  for (int i = 0; i < 40; ++i) {
    std::string ns = "team" + std::to_string(i);
    server.Add("Secret", ns, "s");
    wanted.push_back({"c1", "v1", "Secret", ns, "s"});
  }
  LiveState live = Read(wanted);
  EXPECT_EQ(live.unowned.size(), 40u);  // every page of the cluster-wide LIST
  auto lists = server.Lists();
  EXPECT_EQ(lists.size(), 1u + 4u);  // the ownership LIST, then 4 pages of 10
  EXPECT_THAT(lists, Contains("/api/v1/secrets?limit=10&continue=30"));
}

}  // namespace
}  // namespace meshform::plan
