// The seed's end state with Karmada instead of KubeFed, on the local clusters (beijing's API
// server serves as Karmada's control plane; the Karmada stand-in of tools/stand-ins, started by
// tools/local-clusters, propagates): after `meshform apply` of examples/karmada, beijing runs
// the Deployment template sample/helloworld with image ...-v1 and label version=v1, shanghai
// Karmada's member Deployment with image ...-v2 and label version=v2 (the OverridePolicy), both
// available; sleep runs in both; the Services are in both; the templates' ResourceBindings are
// FullyApplied; a new plan has no changes and `meshform check` passes; `meshform destroy`
// leaves every cluster exactly as before, member objects included (it waits for Karmada to
// delete them before the members leave Karmada).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/integration/apply/cluster_snapshot.h"
#include "tests/integration/apply/end_state_support.h"
#include "tests/support/commands.h"

namespace meshform::testing {
namespace {

using nlohmann::json;
using Snapshots = std::map<std::string, apply::testing::Snapshot>;

std::string Example() {
  return std::string(MESHFORM_SOURCE_DIR) + "/examples/karmada/topology.yaml";
}

class KarmadaEndState : public EndStateTest {
 protected:
  // Every object of the kinds an apply touches, Karmada's included, in both clusters.
  Snapshots Take() {
    auto kinds = apply::testing::CommonKinds();
    kinds.push_back({"policy.karmada.io/v1alpha1", "PropagationPolicy"});
    kinds.push_back({"policy.karmada.io/v1alpha1", "OverridePolicy"});
    kinds.push_back({"cluster.karmada.io/v1alpha1", "Cluster"});
    kinds.push_back({"work.karmada.io/v1alpha2", "ResourceBinding"});
    Snapshots out;
    for (const auto& [name, client] : clients_)
      out[name] = apply::testing::TakeSnapshot(*client, kinds);
    return out;
  }

  // helloworld in `cluster` with `version`, labelled as Karmada labels what it propagates.
  json ExpectKarmadaHelloworld(const std::string& cluster, const std::string& version) {
    json d = ExpectHelloworld(cluster, version);
    EXPECT_EQ(d["metadata"]["labels"]["propagationpolicy.karmada.io/name"], "helloworld")
        << cluster;
    return d;
  }
};

TEST_F(KarmadaEndState, HelloworldV1InBeijingV2InShanghaiThenDestroyLeavesClustersAsBefore) {
  Snapshots before = Take();
  auto applied = Meshform("apply -auto-approve -f " + Example());
  ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;

  json template_deployment = ExpectKarmadaHelloworld("beijing", "v1");  // the template itself
  EXPECT_FALSE(template_deployment["metadata"]["labels"].contains("karmada.io/managed"));
  json member = ExpectKarmadaHelloworld("shanghai", "v2");  // made by Karmada
  EXPECT_EQ(member["metadata"]["labels"]["karmada.io/managed"], "true");
  ExpectSleepAndServices();
  auto bindings = In("beijing").List("work.karmada.io/v1alpha2", "ResourceBinding").items;
  EXPECT_EQ(bindings.size(), 3u);  // helloworld's Deployment and Service, sleep's Deployment
  for (const json& rb : bindings) {
    EXPECT_EQ(rb["status"]["conditions"][1]["type"], "FullyApplied");
    EXPECT_EQ(rb["status"]["conditions"][1]["status"], "True") << rb.dump();
  }

  auto plan = Meshform("plan --detailed-exitcode -f " + Example());
  EXPECT_EQ(plan.exit_code, 0) << "a plan after apply is not clean:\n" << plan.out << plan.err;
  auto check = Meshform("check -f " + Example());
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;

  auto destroyed = Meshform("destroy -auto-approve -f " + Example());
  ASSERT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
  Snapshots after = Take();
  for (const auto& [cluster, snapshot] : before) {
    for (const auto& line : apply::testing::Differences(snapshot, after.at(cluster))) {
      ADD_FAILURE() << "after destroy: " << cluster << ": " << line;
    }
  }
  EXPECT_FALSE(In("shanghai").GetIfExists({"apps/v1", "Deployment", "sample", "helloworld"}));
  EXPECT_FALSE(In("shanghai").GetIfExists({"v1", "Service", "sample", "helloworld"}));
}

}  // namespace
}  // namespace meshform::testing
