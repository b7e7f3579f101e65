// Workloads: the Deployment (labels app + workload labels, selector on all of them), direct
// placement with per-cluster overrides applied, Services in each placement cluster, and
// JSON-pointer escaping of label keys in overrides.
#include "resources/workloads.h"

#include <gtest/gtest.h>

#include "resources/direct.h"
#include "resources/services.h"
#include "tests/unit/resources/test_topology.h"

namespace meshform::resources {
namespace {

using testing::Find;

TEST(Workloads, DirectPlacementAppliesOverridesPerCluster) {
  ResourceSet set;
  CompileDirectPlacement(testing::DirectTopology(), set);
  EXPECT_EQ(set.size(), 4u);
  const auto& v2 = Find(set, "shanghai/apps/v1/Deployment/sample/helloworld");
  EXPECT_EQ(v2.object["spec"]["template"]["spec"]["containers"][0]["image"],
            "docker.io/istio/examples-helloworld-v2");
  EXPECT_EQ(v2.object["spec"]["selector"]["matchLabels"]["version"], "v2");
  const auto& v1 = Find(set, "beijing/apps/v1/Deployment/sample/helloworld");
  EXPECT_EQ(v1.object["metadata"]["labels"]["version"], "v1");
  EXPECT_EQ(v1.object["metadata"]["labels"]["app.kubernetes.io/managed-by"], "meshform");
  const auto& sleep = Find(set, "beijing/apps/v1/Deployment/sample/sleep");
  EXPECT_EQ(sleep.object["spec"]["template"]["spec"]["containers"][0]["command"][1], "3650d");
}

TEST(Workloads, KubefedPlacementMakesNoPlainDeployments) {
  ResourceSet set;
  CompileDirectPlacement(testing::SeedTopology(), set);
  EXPECT_TRUE(set.empty());
}

TEST(Workloads, ServicesOnlyForWorkloadsWithPorts) {
  ResourceSet set;
  CompileServices(testing::SeedTopology(), set);
  ASSERT_EQ(set.size(), 2u);
  const auto& svc = Find(set, "shanghai/v1/Service/sample/helloworld");
  EXPECT_EQ(svc.object["spec"]["selector"], (json{{"app", "helloworld"}}));
  EXPECT_EQ(svc.object["spec"]["ports"][0],
            (json{{"name", "http"}, {"port", 5000}, {"protocol", "TCP"}}));
}

TEST(Workloads, OverridePatchesEscapeLabelKeysAndIncludeReplicas) {
  auto w = testing::SeedTopology().workloads[0];
  w.overrides["shanghai"].labels = {{"example.com/tier", "b"}};
  w.overrides["shanghai"].replicas = 3;
  json patches = OverridePatches(w, "shanghai");
  EXPECT_EQ(patches[1]["path"], "/spec/template/metadata/labels/example.com~1tier");
  EXPECT_EQ(patches.back(), (json{{"path", "/spec/replicas"}, {"value", 3}}));
  EXPECT_TRUE(OverridePatches(w, "beijing").empty());
  EXPECT_EQ(PointerToken("a~b/c"), "a~0b~1c");
}

// KubeFed applies clusterOverrides as RFC 6902 operations, `replace` by default, and replace
// fails on a member that does not exist: a label the base Deployment lacks must be added.
TEST(Workloads, OverridePatchesAddLabelsTheBaseDeploymentLacks) {
  auto w = testing::SeedTopology().workloads[0];
  w.overrides["shanghai"].labels = {{"example.com/tier", "b"}};
  json patches = OverridePatches(w, "shanghai");
  json operations = json::array();
  for (const auto& p : patches) {
    json op = p;
    if (!op.contains("op")) op["op"] = "replace";
    operations.push_back(op);
  }
  json placed = DeploymentObject(w).patch(operations);
  EXPECT_EQ(placed["metadata"]["labels"]["example.com/tier"], "b");
  EXPECT_EQ(placed["spec"]["selector"]["matchLabels"]["example.com/tier"], "b");
  EXPECT_EQ(placed["spec"]["template"]["metadata"]["labels"]["example.com/tier"], "b");
}

}  // namespace
}  // namespace meshform::resources
