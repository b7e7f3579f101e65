// Remote reader: the read cluster gets istioctl's reader ServiceAccount, ClusterRole/Binding and
// token Secret; the primary gets istio-remote-secret-<remote> exactly in istioctl's shape; in
// multi-primary every primary reads every other cluster.
#include "resources/remote_reader.h"

#include <gtest/gtest.h>

#include "resources/placeholder.h"
#include "tests/unit/resources/test_topology.h"

namespace meshform::resources {
namespace {

using testing::Find;
using testing::Has;

TEST(RemoteReader, SeedCreatesReaderObjectsOnlyInTheRemote) {
  ResourceSet set;
  CompileRemoteReaders(testing::SeedTopology(), set);
  EXPECT_TRUE(Has(set, "shanghai/v1/ServiceAccount/istio-system/istio-reader-service-account"));
  EXPECT_TRUE(Has(set,
                  "shanghai/rbac.authorization.k8s.io/v1/ClusterRole/"
                  "istio-reader-clusterrole-1-7-2-istio-system"));
  EXPECT_TRUE(Has(set,
                  "shanghai/rbac.authorization.k8s.io/v1/ClusterRoleBinding/"
                  "istio-reader-clusterrole-1-7-2-istio-system"));
  EXPECT_FALSE(Has(set, "beijing/v1/ServiceAccount/istio-system/istio-reader-service-account"));
  const auto& token = Find(
      set,
      "shanghai/v1/Secret/istio-system/istio-reader-service-account-istio-remote-secret-token");
  EXPECT_EQ(token.object["type"], "kubernetes.io/service-account-token");
  EXPECT_EQ(token.object["metadata"]["annotations"]["kubernetes.io/service-account.name"],
            "istio-reader-service-account");
  const auto& value = Find(set, "token/shanghai/istio-system/istio-reader-service-account");
  EXPECT_TRUE(testing::DependsOn(value, token.address));
}

TEST(RemoteReader, RemoteSecretHasIstioctlsShape) {
  json s = RemoteSecretObject("shanghai");
  EXPECT_EQ(s["metadata"]["name"], "istio-remote-secret-shanghai");
  EXPECT_EQ(s["metadata"]["namespace"], "istio-system");
  EXPECT_EQ(s["metadata"]["labels"]["istio/multiCluster"], "true");
  EXPECT_EQ(s["metadata"]["annotations"]["networking.istio.io/cluster"], "shanghai");
  EXPECT_FALSE(s.contains("type"));
  EXPECT_FALSE(s.contains("data"));
  auto p = ParsePlaceholder(s["stringData"]["shanghai"]);
  EXPECT_EQ(p.from, "kubeconfig/shanghai/istio-system/istio-reader-service-account");
  EXPECT_EQ(p.field, "kubeconfig");
}

TEST(RemoteReader, ClusterRoleHasTheChartRulesInOrder) {
  json role = ReaderClusterRoleObject("");
  EXPECT_EQ(role["metadata"]["name"], "istio-reader-clusterrole-istio-system");
  ASSERT_EQ(role["rules"].size(), 11u);
  EXPECT_EQ(role["rules"][1]["resources"].back(), "configmaps");
  EXPECT_EQ(role["rules"][9]["resources"][0], "tokenreviews");
  json binding = ReaderClusterRoleBindingObject("");
  EXPECT_EQ(binding["roleRef"]["name"], "istio-reader-clusterrole-istio-system");
  EXPECT_EQ(binding["subjects"][0]["name"], "istio-reader-service-account");
}

TEST(RemoteReader, MultiPrimaryReadsEveryOtherCluster) {
  ResourceSet set;
  CompileRemoteReaders(testing::MultiPrimaryTopology(), set);
  for (const char* primary : {"beijing", "shanghai", "guangzhou"})
    for (const char* other : {"beijing", "shanghai", "guangzhou"})
      EXPECT_EQ(
          Has(set, std::string(primary) + "/v1/Secret/istio-system/istio-remote-secret-" + other),
          std::string(primary) != other)
          << primary << " reading " << other;
}

}  // namespace
}  // namespace meshform::resources
