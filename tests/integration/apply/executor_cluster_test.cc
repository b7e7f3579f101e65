// The executor against real local clusters, with a hand-built seed-shaped plan (mini_mesh.h):
// it creates, updates and deletes across clusters with values flowing between them; it rolls
// back to exactly the prior state when step k fails, for every third k and the last; --no-rollback
// leaves the partial state.
#include <gtest/gtest.h>

#include <memory>

#include "engine/apply/executor.h"
#include "engine/apply/kube_step_runner.h"
#include "engine/apply/waiter_adapter.h"
#include "engine/kube/cluster_clients.h"
#include "engine/kube/kubeconfig.h"
#include "engine/util/base64.h"
#include "tests/integration/apply/cluster_snapshot.h"
#include "tests/integration/apply/mini_mesh.h"
#include "tests/support/basic_waiter.h"
#include "tests/support/clusters.h"
#include "tests/support/fault_injecting_runner.h"

namespace meshform::apply {
namespace {

using meshform::testing::BasicWaiter;
using meshform::testing::FaultInjectingRunner;
using nlohmann::json;
using testing::MiniMesh;

class ExecutorOnClusters : public ::testing::Test {
 protected:
  void SetUp() override {
    kubeconfig_ = meshform::testing::TestKubeconfig();
    auto contexts = meshform::testing::TestContexts(3);
    mesh_.prefix = meshform::testing::UniqueName("mf-exec");
    mesh_.clusters = {contexts[0], contexts[1], contexts[2]};
    std::map<std::string, std::shared_ptr<kube::Client>> map;
    for (const auto& c : mesh_.clusters) map[c] = kube::Client::ForContext(c, kubeconfig_);
    clients_ = std::make_unique<kube::ClusterClients>(map);
    Primary().Create(mesh_.ExistingToUpdate());
    Primary().Create(mesh_.ExistingToDelete());
  }

  void TearDown() override {
    for (const auto& c : mesh_.clusters) {
      kube::Client& k = clients_->For(c);
      kube::DeleteOptions o;
      o.ignore_not_found = true;
      k.Delete({"v1", "Namespace", "", mesh_.ns()}, o);
      k.Delete({"apiextensions.k8s.io/v1", "CustomResourceDefinition", "",
                "gateways." + mesh_.crd_group()},
               o);
    }
    kube::DeleteOptions o;
    o.ignore_not_found = true;
    Primary().Delete(kube::RefOf(mesh_.ExistingToUpdate()), o);
    Primary().Delete(kube::RefOf(mesh_.ExistingToDelete()), o);
    // Gone before the next test takes its "before" snapshot.
    BasicWaiter waiter(std::chrono::seconds(180));
    for (const auto& c : mesh_.clusters) {
      waiter.WaitGone(clients_->For(c), {"v1", "Namespace", "", mesh_.ns()}, "");
    }
  }

  kube::Client& Primary() { return clients_->For(mesh_.clusters[0]); }

  std::map<std::string, testing::Snapshot> Snapshots() {
    std::map<std::string, testing::Snapshot> out;
    auto kinds = testing::CommonKinds();
    kinds.push_back({mesh_.crd_group() + "/v1", "Gateway"});
    for (const auto& c : mesh_.clusters) out[c] = testing::TakeSnapshot(clients_->For(c), kinds);
    return out;
  }

  void ExpectSame(const std::map<std::string, testing::Snapshot>& before,
                  const std::string& context) {
    auto after = Snapshots();
    for (const auto& c : mesh_.clusters) {
      for (const auto& line : testing::Differences(before.at(c), after.at(c))) {
        ADD_FAILURE() << context << ": " << c << ": " << line;
      }
    }
  }

  ExecuteResult Run(plan::Plan& plan, int fail_at = 0, bool rollback = true, int parallelism = 8) {
    readiness::WaitOptions waits;
    waits.timeout = std::chrono::seconds(120);
    WaitsAdapter waiter(waits);
    KubeRunnerOptions options;
    options.force_conflicts = true;
    options.kubeconfig_path = kubeconfig_;
    options.topology_name = plan.topology_name;
    options.inventory_cluster = plan.inventory_cluster;
    KubeStepRunner runner(*clients_, plan.values, waiter, options);
    FaultInjectingRunner faulty(runner, fail_at);
    StepRunner& used = fail_at > 0 ? static_cast<StepRunner&>(faulty) : runner;
    Journal journal;
    NullStatus status;
    ExecuteOptions o;
    o.parallelism = parallelism;
    o.rollback = rollback;
    return Execute(plan, used, journal, status, o);
  }

  std::string kubeconfig_;
  MiniMesh mesh_;
  std::unique_ptr<kube::ClusterClients> clients_;
};

int StepCount(const plan::Plan& plan) {
  int n = 0;
  for (const auto& c : plan.changes) n += c.action != plan::Action::kNoOp;
  return n;
}

TEST_F(ExecutorOnClusters, AppliesEveryChangeWithValuesAcrossClusters) {
  plan::Plan plan = testing::MiniMeshPlan(mesh_);
  auto result = Run(plan);
  ASSERT_EQ(result.outcome, Outcome::kSucceeded)
      << (result.errors.empty() ? "" : result.errors[0].address + ": " + result.errors[0].message);
  for (const auto& c : mesh_.clusters) {
    kube::Client& k = clients_->For(c);
    auto cacerts = k.Get({"v1", "Secret", mesh_.ns(), "cacerts"});
    EXPECT_EQ(cacerts["data"].size(), 4u) << c;
    auto gw = k.Get({mesh_.crd_group() + "/v1", "Gateway", mesh_.ns(), "cross-network"});
    EXPECT_EQ(gw["spec"]["servers"][0]["tls"]["mode"], "AUTO_PASSTHROUGH");
    EXPECT_EQ(gw["metadata"]["labels"]["app.kubernetes.io/managed-by"], "meshform");
  }
  // The remote secret holds a kubeconfig for the second cluster, as istioctl writes it.
  auto remote =
      Primary().Get({"v1", "Secret", mesh_.ns(), "istio-remote-secret-" + mesh_.clusters[1]});
  EXPECT_EQ(remote["metadata"]["labels"]["istio/multiCluster"], "true");
  auto encoded = remote["data"][mesh_.clusters[1]].get<std::string>();
  auto text = util::Base64Decode(encoded);
  ASSERT_TRUE(text);
  auto config = kube::Kubeconfig::Parse(*text, "remote-secret");
  EXPECT_EQ(config.current_context(), mesh_.clusters[1]);
  auto resolved = config.Resolve(mesh_.clusters[1]);
  auto expected = kube::Kubeconfig::Load(kubeconfig_).Resolve(mesh_.clusters[1]);
  EXPECT_EQ(resolved.server, expected.server);
  EXPECT_FALSE(resolved.token.empty());
  // The update took effect, the delete happened.
  auto updated = Primary().Get(kube::RefOf(mesh_.ExistingToUpdate()));
  EXPECT_EQ(updated["data"]["a"], "changed");
  EXPECT_FALSE(Primary().GetIfExists(kube::RefOf(mesh_.ExistingToDelete())));
}

TEST_F(ExecutorOnClusters, RollbackAtEveryThirdStepLeavesEveryClusterExactlyAsBefore) {
  auto before = Snapshots();
  int steps = StepCount(testing::MiniMeshPlan(mesh_));
  ASSERT_GT(steps, 20);
  for (int k : testing::SampledSteps(steps, 3)) {
    plan::Plan plan = testing::MiniMeshPlan(mesh_);
    auto result = Run(plan, k, true, k % 2 ? 1 : 8);
    EXPECT_EQ(result.outcome, Outcome::kRolledBack) << "failing at step " << k;
    for (const auto& e : result.undo_errors)
      ADD_FAILURE() << k << ": " << e.address << ": " << e.message;
    ExpectSame(before, "after failing at step " + std::to_string(k));
  }
}

TEST_F(ExecutorOnClusters, NoRollbackLeavesThePartialState) {
  plan::Plan plan = testing::MiniMeshPlan(mesh_);
  int steps = StepCount(plan);
  auto result = Run(plan, steps, false, 1);
  EXPECT_EQ(result.outcome, Outcome::kPartial);
  EXPECT_EQ(result.completed_steps, steps - 1);
  EXPECT_TRUE(Primary().GetIfExists({"v1", "Namespace", "", mesh_.ns()}));
}

}  // namespace
}  // namespace meshform::apply
