// Karmada: the CRDs in the control plane (the host), the join objects (member credentials as
// for KubeFed, the host's Secret and Cluster as `karmadactl join` makes them), the templates,
// PropagationPolicy and OverridePolicy of the seed's workloads, and their order.
#include <gtest/gtest.h>

#include "resources/compile.h"
#include "resources/karmada_crds.h"
#include "resources/karmada_join.h"
#include "resources/karmada_policies.h"
#include "resources/placeholder.h"
#include "tests/unit/resources/test_topology.h"

namespace meshform::resources {
namespace {

using testing::DependsOn;
using testing::Find;
using testing::Has;

TEST(KarmadaCrds, ControlPlaneGetsPoliciesClusterAndBinding) {
  ResourceSet set;
  CompileKarmadaCrds(testing::KarmadaTopology(), set);
  const std::string crds = "beijing/apiextensions.k8s.io/v1/CustomResourceDefinition/";
  EXPECT_EQ(Find(set, crds + "propagationpolicies.policy.karmada.io")
                .object["spec"]["names"]["shortNames"][0],
            "pp");
  EXPECT_TRUE(Has(set, crds + "overridepolicies.policy.karmada.io"));
  EXPECT_EQ(Find(set, crds + "clusters.cluster.karmada.io").object["spec"]["scope"], "Cluster");
  EXPECT_EQ(
      Find(set, crds + "resourcebindings.work.karmada.io").object["spec"]["versions"][0]["name"],
      "v1alpha2");
}

TEST(KarmadaJoin, EveryClusterJoinsWithCredentialsInTheControlPlane) {
  ResourceSet set;
  CompileKarmadaJoin(testing::KarmadaTopology(), set);
  EXPECT_TRUE(Has(set, "shanghai/v1/ServiceAccount/karmada-system/karmada-shanghai"));
  EXPECT_TRUE(Has(set, "beijing/v1/ServiceAccount/karmada-system/karmada-beijing"));
  EXPECT_TRUE(Has(set,
                  "shanghai/rbac.authorization.k8s.io/v1/ClusterRoleBinding/"
                  "karmada-controller-manager:karmada-shanghai"));
  const auto& secret = Find(set, "beijing/v1/Secret/karmada-system/shanghai");
  EXPECT_EQ(ParsePlaceholder(secret.object["data"]["token"]).from,
            "token/shanghai/karmada-system/karmada-shanghai");
  EXPECT_EQ(ParsePlaceholder(secret.object["data"]["caBundle"]).from, "endpoint/shanghai");
  const auto& cluster = Find(set, "beijing/cluster.karmada.io/v1alpha1/Cluster/shanghai");
  EXPECT_EQ(cluster.object["spec"]["syncMode"], "Push");
  EXPECT_EQ(cluster.object["spec"]["secretRef"],
            (json{{"namespace", "karmada-system"}, {"name", "shanghai"}}));
  EXPECT_EQ(ParsePlaceholder(cluster.object["spec"]["apiEndpoint"]).from, "endpoint/shanghai");
}

TEST(KarmadaPolicies, PropagationPolicySelectsTheTemplatesAndPlacesByName) {
  json pp = PropagationPolicyObject(testing::KarmadaTopology().workloads[0]);
  EXPECT_EQ(pp["apiVersion"], "policy.karmada.io/v1alpha1");
  EXPECT_EQ(pp["metadata"], (json{{"name", "helloworld"}, {"namespace", "sample"}}));
  EXPECT_EQ(
      pp["spec"]["resourceSelectors"],
      (json::array({{{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", "helloworld"}},
                    {{"apiVersion", "v1"}, {"kind", "Service"}, {"name", "helloworld"}}})));
  EXPECT_EQ(pp["spec"]["placement"]["clusterAffinity"]["clusterNames"],
            (json::array({"beijing", "shanghai"})));
}

TEST(KarmadaPolicies, OverridePolicyGivesShanghaiV2) {
  json op = OverridePolicyObject(testing::KarmadaTopology().workloads[0]);
  ASSERT_EQ(op["spec"]["overrideRules"].size(), 1u);
  const json& rule = op["spec"]["overrideRules"][0];
  EXPECT_EQ(rule["targetCluster"]["clusterNames"], json::array({"shanghai"}));
  const json& plaintext = rule["overriders"]["plaintext"];
  EXPECT_EQ(plaintext[0], (json{{"path", "/spec/template/spec/containers/0/image"},
                                {"operator", "replace"},
                                {"value", "docker.io/istio/examples-helloworld-v2"}}));
  EXPECT_EQ(plaintext[3]["path"], "/metadata/labels/version");
  EXPECT_EQ(plaintext[3]["value"], "v2");
  EXPECT_TRUE(OverridePolicyObject(testing::KarmadaTopology().workloads[1]).is_null());
}

TEST(KarmadaPolicies, TemplatesAreInTheControlPlaneOnly) {
  testing::FakeRenderer fake;
  ResourceSet set = Compile(testing::KarmadaTopology(), fake);
  EXPECT_TRUE(Has(set, "beijing/apps/v1/Deployment/sample/helloworld"));
  EXPECT_TRUE(Has(set, "beijing/v1/Service/sample/helloworld"));
  EXPECT_FALSE(Has(set, "shanghai/apps/v1/Deployment/sample/helloworld"));
  EXPECT_FALSE(Has(set, "shanghai/v1/Service/sample/helloworld"));
  EXPECT_FALSE(Has(set, "beijing/types.kubefed.io/v1beta1/FederatedDeployment/sample/helloworld"));
}

// Apply: member namespaces and Clusters, then templates, then the OverridePolicy, then the
// PropagationPolicy; destroy the reverse, so a template is gone (and with it, Karmada's member
// objects) before the members' namespaces and Clusters.
TEST(KarmadaPolicies, Order) {
  testing::FakeRenderer fake;
  ResourceSet set = Compile(testing::KarmadaTopology(), fake);
  const auto& deployment = Find(set, "beijing/apps/v1/Deployment/sample/helloworld");
  EXPECT_TRUE(DependsOn(deployment, "shanghai/v1/Namespace/sample"));
  EXPECT_TRUE(DependsOn(deployment, "beijing/cluster.karmada.io/v1alpha1/Cluster/shanghai"));
  EXPECT_TRUE(DependsOn(deployment,
                        "beijing/apiextensions.k8s.io/v1/CustomResourceDefinition/"
                        "resourcebindings.work.karmada.io"));
  const auto& pp =
      Find(set, "beijing/policy.karmada.io/v1alpha1/PropagationPolicy/sample/helloworld");
  EXPECT_TRUE(DependsOn(pp, deployment.address));
  EXPECT_TRUE(DependsOn(pp, "beijing/v1/Service/sample/helloworld"));
  EXPECT_TRUE(DependsOn(pp, "beijing/policy.karmada.io/v1alpha1/OverridePolicy/sample/helloworld"));
  const auto& op = Find(set, "beijing/policy.karmada.io/v1alpha1/OverridePolicy/sample/helloworld");
  EXPECT_TRUE(DependsOn(op, "beijing/cluster.karmada.io/v1alpha1/Cluster/shanghai"));
  EXPECT_TRUE(DependsOn(op, "shanghai/v1/Namespace/sample"));
}

}  // namespace
}  // namespace meshform::resources
