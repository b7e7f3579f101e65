// The seed's end state, as its verify step expects it, on the local clusters with KubeFed's
// propagation (the sync-controller stand-in of tools/stand-ins, started by tools/local-clusters):
// after `meshform apply` of examples/seed-two-networks, beijing runs the Deployment
// sample/helloworld with image ...-v1 and label version=v1, shanghai one with image ...-v2 and
// label version=v2 (the FederatedDeployment's override), both available; sleep runs in both; the
// Services are in both; the federated objects report Propagation True; a new plan has no
// changes and `meshform check` passes; `meshform destroy` leaves no member object behind (it
// waits for KubeFed to delete them before the members leave the federation).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/integration/apply/end_state_support.h"
#include "tests/support/commands.h"

namespace meshform::testing {
namespace {

using nlohmann::json;

std::string Seed() {
  return std::string(MESHFORM_SOURCE_DIR) + "/examples/seed-two-networks/topology.yaml";
}

class SeedEndState : public EndStateTest {
 protected:
  // Objects of `kind` in namespace sample (all namespaces for Namespace) that KubeFed manages.
  size_t Managed(const std::string& cluster, const std::string& api_version,
                 const std::string& kind) {
    kube::ListOptions options;
    options.label_selector = "kubefed.io/managed=true";
    return In(cluster).List(api_version, kind, options).items.size();
  }
};

TEST_F(SeedEndState, HelloworldV1InBeijingV2InShanghaiThenDestroyLeavesNoMemberObject) {
  auto applied = Meshform("apply -auto-approve -f " + Seed());
  ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;

  for (auto [cluster, version] : {std::pair{"beijing", "v1"}, {"shanghai", "v2"}}) {
    json d = ExpectHelloworld(cluster, version);
    EXPECT_EQ(d["metadata"]["labels"]["kubefed.io/managed"], "true") << cluster;  // by KubeFed
  }
  ExpectSleepAndServices();
  for (const char* kind : {"FederatedDeployment", "FederatedNamespace"}) {
    for (json& fed : In("beijing").List("types.kubefed.io/v1beta1", kind).items) {
      EXPECT_EQ(fed["status"]["conditions"][0]["type"], "Propagation") << kind;
      EXPECT_EQ(fed["status"]["conditions"][0]["status"], "True") << fed.dump();
    }
  }

  auto plan = Meshform("plan --detailed-exitcode -f " + Seed());
  EXPECT_EQ(plan.exit_code, 0) << "a plan after apply is not clean:\n" << plan.out << plan.err;
  auto check = Meshform("check -f " + Seed());
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;

  auto destroyed = Meshform("destroy -auto-approve -f " + Seed());
  ASSERT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
  for (const char* cluster : {"beijing", "shanghai"}) {
    SCOPED_TRACE(cluster);
    EXPECT_EQ(Managed(cluster, "apps/v1", "Deployment"), 0u);
    EXPECT_EQ(Managed(cluster, "v1", "Namespace"), 0u);
    EXPECT_FALSE(In(cluster).GetIfExists({"apps/v1", "Deployment", "sample", "helloworld"}));
    EXPECT_FALSE(In(cluster).GetIfExists({"apps/v1", "Deployment", "sample", "sleep"}));
    EXPECT_FALSE(In(cluster).GetIfExists({"v1", "Service", "sample", "helloworld"}));
  }
}

}  // namespace
}  // namespace meshform::testing
