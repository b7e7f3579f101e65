// The whole compile: the seed yields the resources and cross-cluster dependencies the design
// lists, forms an acyclic graph, is deterministic, and duplicate addresses are errors.
#include "resources/compile.h"

#include <gtest/gtest.h>

#include "resources/graph_nodes.h"
#include "resources/state_objects.h"
#include "resources/values.h"
#include "tests/unit/resources/test_topology.h"

namespace meshform::resources {
namespace {

using testing::DependsOn;
using testing::Find;

// A generated root is stored (its state Secret written) before any intermediate is issued from
// it, so that no cluster's cacerts can exist without the root that signed it being kept.
TEST(Compile, IntermediatesWaitForTheStoredRoot) {
  testing::FakeRenderer fake;
  topology::Topology t = testing::SeedTopology();
  ResourceSet set = Compile(t, fake);
  std::string root_secret =
      InventoryCluster(t) + "/v1/Secret/" + kStateNamespace + "/" + RootCaSecretName(t.name);
  int intermediates = 0;
  for (const auto& r : set) {
    if (!r.is_value() || r.value.type != "ca-intermediate") continue;
    ++intermediates;
    EXPECT_TRUE(DependsOn(r, root_secret)) << r.address;
  }
  EXPECT_EQ(intermediates, static_cast<int>(t.clusters.size()));
  EXPECT_TRUE(DependsOn(Find(set, root_secret), RootCaAddress()));
}

TEST(Compile, SeedChainsCrossClusterDependencies) {
  testing::FakeRenderer fake;
  ResourceSet set = Compile(testing::SeedTopology(), fake);
  // The primary's remote secret waits for the remote's reader token, via the kubeconfig value.
  const auto& remote_secret =
      Find(set, "beijing/v1/Secret/istio-system/istio-remote-secret-shanghai");
  EXPECT_TRUE(
      DependsOn(remote_secret, "kubeconfig/shanghai/istio-system/istio-reader-service-account"));
  EXPECT_TRUE(DependsOn(Find(set, "kubeconfig/shanghai/istio-system/istio-reader-service-account"),
                        "token/shanghai/istio-system/istio-reader-service-account"));
  // The remote's control plane waits for the primary's gateway address.
  EXPECT_TRUE(DependsOn(Find(set, "shanghai/discovery.k8s.io/v1/EndpointSlice/istio-system/istiod"),
                        "lb-address/beijing/istio-system/istio-ingressgateway"));
  // cacerts <- intermediate <- root; gateway <- CRD; injected namespace <- webhook.
  EXPECT_TRUE(
      DependsOn(Find(set, "shanghai/v1/Secret/istio-system/cacerts"), "ca/intermediate/shanghai"));
  EXPECT_TRUE(DependsOn(
      Find(set, "shanghai/networking.istio.io/v1alpha3/Gateway/istio-system/cluster-aware-gateway"),
      "shanghai/apiextensions.k8s.io/v1/CustomResourceDefinition/gateways.networking.istio.io"));
  EXPECT_TRUE(DependsOn(Find(set, "beijing/v1/Namespace/sample"),
                        "beijing/admissionregistration.k8s.io/v1/MutatingWebhookConfiguration/"
                        "istio-sidecar-injector"));
  EXPECT_TRUE(
      DependsOn(Find(set, "beijing/types.kubefed.io/v1beta1/FederatedDeployment/sample/helloworld"),
                "beijing/apiextensions.k8s.io/v1/CustomResourceDefinition/"
                "federateddeployments.types.kubefed.io"));
  EXPECT_NO_THROW(BuildGraph(set));
}

TEST(Compile, IsSortedAndDeterministic) {
  testing::FakeRenderer a, b;
  ResourceSet first = Compile(testing::SeedTopology(), a);
  ResourceSet second = Compile(testing::SeedTopology(), b);
  ASSERT_EQ(first.size(), second.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].address, second[i].address);
    EXPECT_EQ(first[i].object, second[i].object);
    if (i > 0) {
      EXPECT_LT(first[i - 1].address, first[i].address);
    }
  }
}

TEST(Compile, EveryObjectCarriesTheOwnershipLabels) {
  testing::FakeRenderer fake;
  for (const auto& r : Compile(testing::MultiPrimaryTopology(), fake)) {
    if (!r.is_object()) continue;
    EXPECT_EQ(r.object["metadata"]["labels"]["app.kubernetes.io/managed-by"], "meshform")
        << r.address;
    EXPECT_EQ(r.object["metadata"]["labels"]["meshform.io/topology"], "helloworld-federation");
  }
}

TEST(Compile, DuplicateAddressesAndRendererFailuresAreReportedTogether) {
  auto t = testing::SeedTopology();
  topology::RawManifest m;
  m.cluster = "beijing";
  m.inline_yaml = {R"({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "sample"}})"};
  m.location = {"topology.yaml", 80, 5};
  t.manifests = {m};
  testing::FakeRenderer fake;
  fake.exit_code = 1;
  try {
    Compile(t, fake);
    FAIL();
  } catch (const CompileError& e) {
    ASSERT_EQ(e.problems().size(), 3u);
    EXPECT_NE(e.problems()[0].find("renderer failed for cluster beijing"), std::string::npos);
    EXPECT_EQ(e.problems()[2],
              "topology.yaml:80:5: resource beijing/v1/Namespace/sample is defined twice (also at "
              "topology.yaml:40:3)");
  }
}

}  // namespace
}  // namespace meshform::resources
