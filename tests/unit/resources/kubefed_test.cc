// KubeFed: join objects as kubefedctl join makes them (member SA/token/RBAC named
// <member>-<host>, host Secret and KubeFedCluster), the CRDs in the host, and the seed's
// FederatedNamespace and FederatedDeployment with placement and JSON-pointer overrides.
#include <gtest/gtest.h>

#include "resources/federated.h"
#include "resources/kubefed_crds.h"
#include "resources/kubefed_join.h"
#include "resources/placeholder.h"
#include "tests/unit/resources/test_topology.h"

namespace meshform::resources {
namespace {

using testing::Find;
using testing::Has;

TEST(KubefedJoin, EveryClusterJoinsTheHostIncludingItself) {
  ResourceSet set;
  CompileKubefedJoin(testing::SeedTopology(), set);
  const auto& sa = Find(set, "shanghai/v1/ServiceAccount/kube-federation-system/shanghai-beijing");
  EXPECT_EQ(sa.object["automountServiceAccountToken"], false);
  EXPECT_EQ(sa.object["metadata"]["annotations"]["kubernetes.io/enforce-mountable-secrets"],
            "true");
  EXPECT_TRUE(Has(set, "beijing/v1/ServiceAccount/kube-federation-system/beijing-beijing"));
  const auto& role = Find(set,
                          "shanghai/rbac.authorization.k8s.io/v1/ClusterRole/"
                          "kubefed-controller-manager:shanghai-beijing");
  EXPECT_EQ(role.object["rules"][1]["nonResourceURLs"][0], "*");
  EXPECT_TRUE(Has(set, "shanghai/v1/Namespace/kube-federation-system"));
}

TEST(KubefedJoin, HostGetsCredentialsAndKubeFedCluster) {
  ResourceSet set;
  CompileKubefedJoin(testing::SeedTopology(), set);
  const auto& secret = Find(set, "beijing/v1/Secret/kube-federation-system/shanghai-credentials");
  auto token = ParsePlaceholder(secret.object["data"]["token"]);
  EXPECT_EQ(token.from, "token/shanghai/kube-federation-system/shanghai-beijing");
  EXPECT_EQ(token.encoding, "base64");
  const auto& kfc =
      Find(set, "beijing/core.kubefed.io/v1beta1/KubeFedCluster/kube-federation-system/shanghai");
  EXPECT_EQ(kfc.object["spec"]["secretRef"]["name"], "shanghai-credentials");
  EXPECT_EQ(ParsePlaceholder(kfc.object["spec"]["apiEndpoint"]).from, "endpoint/shanghai");
  EXPECT_EQ(kfc.object["spec"]["proxyURL"], "");
}

TEST(KubefedJoin, DirectFederationJoinsNothing) {
  ResourceSet set;
  CompileKubefedJoin(testing::DirectTopology(), set);
  CompileKubefedCrds(testing::DirectTopology(), set);
  CompileFederated(testing::DirectTopology(), set);
  EXPECT_TRUE(set.empty());
}

TEST(KubefedCrds, HostGetsTheCrdsOfTheKindsMeshformUses) {
  ResourceSet set;
  CompileKubefedCrds(testing::SeedTopology(), set);
  const auto& crd = Find(set,
                         "beijing/apiextensions.k8s.io/v1/CustomResourceDefinition/"
                         "federateddeployments.types.kubefed.io");
  EXPECT_EQ(crd.object["spec"]["names"]["kind"], "FederatedDeployment");
  EXPECT_EQ(crd.object["spec"]["versions"][0]["name"], "v1beta1");
}

TEST(Federated, DeploymentMatchesTheSeed) {
  json fd = FederatedDeploymentObject(testing::SeedTopology().workloads[0]);
  EXPECT_EQ(fd["apiVersion"], "types.kubefed.io/v1beta1");
  const json& tmpl = fd["spec"]["template"];
  EXPECT_EQ(tmpl["metadata"]["labels"], (json{{"app", "helloworld"}, {"version", "v1"}}));
  EXPECT_EQ(tmpl["spec"]["selector"]["matchLabels"]["version"], "v1");
  EXPECT_EQ(tmpl["spec"]["template"]["spec"]["containers"][0]["image"],
            "docker.io/istio/examples-helloworld-v1");
  EXPECT_FALSE(tmpl.contains("apiVersion"));
  EXPECT_EQ(fd["spec"]["placement"]["clusters"],
            (json::array({{{"name", "beijing"}}, {{"name", "shanghai"}}})));
  json expected =
      json::array({{{"path", "/spec/template/spec/containers/0/image"},
                    {"value", "docker.io/istio/examples-helloworld-v2"}},
                   {{"path", "/spec/template/metadata/labels/version"}, {"value", "v2"}},
                   {{"path", "/spec/selector/matchLabels/version"}, {"value", "v2"}},
                   {{"path", "/metadata/labels/version"}, {"value", "v2"}}});
  ASSERT_EQ(fd["spec"]["overrides"].size(), 1u);
  EXPECT_EQ(fd["spec"]["overrides"][0]["clusterName"], "shanghai");
  EXPECT_EQ(fd["spec"]["overrides"][0]["clusterOverrides"], expected);
}

TEST(Federated, NamespaceIsPlacedWhereItsWorkloadsRun) {
  ResourceSet set;
  CompileFederated(testing::SeedTopology(), set);
  const auto& fns = Find(set, "beijing/types.kubefed.io/v1beta1/FederatedNamespace/sample/sample");
  EXPECT_EQ(fns.object["spec"]["template"]["metadata"]["labels"]["istio-injection"], "enabled");
  EXPECT_EQ(fns.object["spec"]["placement"]["clusters"].size(), 2u);
  EXPECT_TRUE(Has(set, "beijing/types.kubefed.io/v1beta1/FederatedDeployment/sample/sleep"));
}

}  // namespace
}  // namespace meshform::resources
