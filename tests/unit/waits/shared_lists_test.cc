// Waits observed through shared LISTs (issue 13): one LIST per cluster, kind and namespace serves
// every wait that asks for a state no older than it; a wait never takes an answer older than it
// asked for; the objects' own paths see no request at all.
#include "engine/readiness/shared_lists.h"

#include <gtest/gtest.h>

#include <thread>

#include "engine/readiness/waits.h"
#include "tests/unit/waits/fake_cluster.h"

namespace meshform::readiness {
namespace {

using meshform::testing::FakeCluster;
using nlohmann::json;

const char* kList = "/apis/apps/v1/namespaces/team/deployments";

json Deployment(const std::string& name, int available) {
  return {{"apiVersion", "apps/v1"},
          {"kind", "Deployment"},
          {"metadata",
           {{"name", name}, {"namespace", "team"}, {"generation", 1}, {"resourceVersion", "7"}}},
          {"spec", {{"replicas", 1}}},
          {"status",
           {{"observedGeneration", 1},
            {"replicas", 1},
            {"updatedReplicas", 1},
            {"availableReplicas", available}}}};
}

json ListOf(int count, int available) {
  json items = json::array();
  for (int i = 0; i < count; ++i) items.push_back(Deployment("web" + std::to_string(i), available));
  return {{"apiVersion", "apps/v1"},
          {"kind", "DeploymentList"},
          {"metadata", {{"resourceVersion", "8"}}},
          {"items", items}};
}

kube::HttpResponse ListForbidden() {
  kube::HttpResponse forbidden;
  forbidden.status = 403;
  forbidden.body = R"({"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden",)"
                   R"("message":"deployments is forbidden","code":403})";
  return forbidden;
}

kube::ObjectRef Ref(const std::string& name) { return {"apps/v1", "Deployment", "team", name}; }

TEST(SharedLists, OneListServesEveryWaitThatAsksForNoNewerState) {
  FakeCluster cluster;
  cluster.ScriptObjects(kList, {ListOf(3, 0)});
  SharedLists lists(&cluster.clock());
  const kube::TimePoint asked = cluster.clock().Now();
  auto first = lists.Get(cluster.client(), Ref("web0"), asked);
  ASSERT_TRUE(first.live.has_value());
  EXPECT_EQ((*first.live)["metadata"]["name"], "web0");
  EXPECT_TRUE(lists.Get(cluster.client(), Ref("web1"), asked).live.has_value());
  EXPECT_TRUE(lists.Get(cluster.client(), Ref("web2"), asked).live.has_value());
  EXPECT_FALSE(lists.Get(cluster.client(), Ref("web9"), asked).live.has_value());
  EXPECT_EQ(lists.lists_sent(), 1u);
  EXPECT_EQ(cluster.RequestsTo(kList), 1);

  // Asking for a state newer than that LIST sends another one.
  cluster.clock().SleepFor(std::chrono::milliseconds(200));
  auto next =
      lists.Get(cluster.client(), Ref("web0"), first.list_started + std::chrono::nanoseconds(1));
  EXPECT_GT(next.list_started, first.list_started);
  EXPECT_EQ(lists.lists_sent(), 2u);
  EXPECT_EQ(cluster.RequestsTo("/apis/apps/v1/namespaces/team/deployments/web0"), 0);
}

TEST(SharedLists, AFailedListIsThrownToItsSenderAndTheNextWaitSendsAgain) {
  FakeCluster cluster;
  kube::HttpResponse forbidden = ListForbidden();
  cluster.Script(kList, {forbidden, FakeCluster::Ok(ListOf(1, 1))});
  SharedLists lists(&cluster.clock());
  const kube::TimePoint asked = cluster.clock().Now();
  EXPECT_ANY_THROW(lists.Get(cluster.client(), Ref("web0"), asked));
  EXPECT_TRUE(lists.Get(cluster.client(), Ref("web0"), asked).live.has_value());
  EXPECT_EQ(lists.lists_sent(), 2u);
}

// Many waits at once, each until its Deployment is available (the second LIST says so): every
// wait ends ready, no object is read by GET, and the LISTs are far fewer than waits × rounds.
TEST(SharedLists, ConcurrentWaitsShareTheirLists) {
  FakeCluster cluster;
  const int waits = 16;
  cluster.ScriptObjects(kList, {ListOf(waits, 0), ListOf(waits, 1)});
  SharedLists lists(&cluster.clock());
  WaitOptions options;
  options.clock = &cluster.clock();
  options.shared_lists = &lists;
  std::vector<std::thread> threads;
  std::atomic<int> ready{0};
  for (int i = 0; i < waits; ++i) {
    threads.emplace_back([&, i] {
      json desired = Deployment("web" + std::to_string(i), 0);
      desired.erase("status");
      desired["metadata"].erase("resourceVersion");
      json live = WaitUntilReady(cluster.client(), desired, options);
      if (live["status"]["availableReplicas"] == 1) ++ready;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ready.load(), waits);
  EXPECT_LT(cluster.RequestsTo(kList), waits * 2);
  EXPECT_EQ(cluster.ApiRequestCount(), cluster.RequestsTo(kList)) << "an object was read by GET";
}

// A user who may get but not list: the wait falls back to its own GETs and still ends ready.
TEST(SharedLists, AWaitThatMayNotListReadsByGet) {
  FakeCluster cluster;
  kube::HttpResponse forbidden = ListForbidden();
  cluster.Script(kList, {forbidden});
  const std::string path = std::string(kList) + "/web0";
  cluster.ScriptObjects(path, {Deployment("web0", 0), Deployment("web0", 1)});
  SharedLists lists(&cluster.clock());
  WaitOptions options;
  options.clock = &cluster.clock();
  options.shared_lists = &lists;
  json desired = Deployment("web0", 0);
  desired.erase("status");
  desired["metadata"].erase("resourceVersion");
  json live = WaitUntilReady(cluster.client(), desired, options);
  EXPECT_EQ(live["status"]["availableReplicas"], 1);
  EXPECT_EQ(cluster.RequestsTo(kList), 1);
  EXPECT_EQ(cluster.RequestsTo(path), 2);
}

}  // namespace
}  // namespace meshform::readiness
