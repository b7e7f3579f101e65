// Namespaces: istio-system per cluster labelled with the network; workload namespaces per
// placement cluster labelled istio-injection=enabled; ownership labels on each.
#include "resources/namespaces.h"

#include <gtest/gtest.h>

#include "tests/unit/resources/test_topology.h"

namespace meshform::resources {
namespace {

using testing::Find;

TEST(Namespaces, IstioSystemCarriesTheNetworkLabel) {
  ResourceSet set;
  CompileNamespaces(testing::SeedTopology(), set);
  const auto& ns = Find(set, "shanghai/v1/Namespace/istio-system");
  EXPECT_EQ(ns.object["metadata"]["labels"]["topology.istio.io/network"], "network2");
  EXPECT_EQ(ns.object["metadata"]["labels"]["app.kubernetes.io/managed-by"], "meshform");
  EXPECT_EQ(ns.object["metadata"]["labels"]["meshform.io/topology"], "helloworld-federation");
  EXPECT_EQ(ns.cluster, "shanghai");
  EXPECT_EQ(ns.origin.line, 6);
}

TEST(Namespaces, WorkloadNamespacesAreInjectedInEveryPlacementCluster) {
  ResourceSet set;
  CompileNamespaces(testing::SeedTopology(), set);
  EXPECT_EQ(set.size(), 4u);
  for (const char* a : {"beijing/v1/Namespace/sample", "shanghai/v1/Namespace/sample"})
    EXPECT_EQ(Find(set, a).object["metadata"]["labels"]["istio-injection"], "enabled");
}

TEST(Namespaces, NoInjectionLabelWhenNoWorkloadWantsASidecar) {
  auto t = testing::SeedTopology();
  for (auto& w : t.workloads) w.sidecar_injection = false;
  ResourceSet set;
  CompileNamespaces(t, set);
  EXPECT_FALSE(Find(set, "beijing/v1/Namespace/sample")
                   .object["metadata"]["labels"]
                   .contains("istio-injection"));
}

}  // namespace
}  // namespace meshform::resources
