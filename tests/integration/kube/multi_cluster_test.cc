// Proves two clusters served at once: one Client per context, used concurrently from many
// threads (as the apply executor does), each writing only to its own cluster.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "tests/integration/kube/cluster_env.h"

namespace meshform::kube {
namespace {

using namespace testing;

TEST(KubeMultiClusterTest, TwoClustersConcurrentlyFromManyThreads) {
  auto first = AdminClient(Context(0));
  auto second = AdminClient(Context(1));
  ASSERT_NE(first->cluster(), second->cluster());
  ScratchNamespace ns1(*first, "multi");
  // The same namespace name in the other cluster: the clusters are independent.
  second->Apply(
      {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", ns1.name()}}}});

  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      Client& c = t % 2 == 0 ? *first : *second;
      try {
        for (int i = 0; i < 10; ++i) {
          std::string name = "t" + std::to_string(t) + "-" + std::to_string(i);
          c.Apply(ConfigMap(ns1.name(), name, {{"cluster", c.cluster()}}));
          if (c.Get({"v1", "ConfigMap", ns1.name(), name})["data"]["cluster"] != c.cluster())
            ++failures;
        }
      } catch (const std::exception& e) {
        ADD_FAILURE() << e.what();
        ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures, 0);

  ListOptions options;
  options.ns = ns1.name();
  ListResult in_first = first->List("v1", "ConfigMap", options);
  ListResult in_second = second->List("v1", "ConfigMap", options);
  auto count_own = [](const ListResult& r, const std::string& cluster) {
    int n = 0;
    for (const auto& item : r.items) {
      if (item.contains("data") && item["data"].value("cluster", "") == cluster) ++n;
    }
    return n;
  };
  EXPECT_EQ(count_own(in_first, first->cluster()), 40);
  EXPECT_EQ(count_own(in_second, second->cluster()), 40);
  EXPECT_EQ(count_own(in_first, second->cluster()), 0);
  second->Delete({"v1", "Namespace", "", ns1.name()});
}

}  // namespace
}  // namespace meshform::kube
