// The seed example on real local clusters, through the real planner and executor:
//   * applied from nothing, every object of the plan is present and right in its cluster
//     (checked one by one), a new plan has no changes, and destroy leaves every cluster as it
//     was before;
//   * rollback at every step: for every k, failing the apply at step k leaves every cluster
//     exactly as before.
#include <gtest/gtest.h>

#include "engine/apply/executor.h"
#include "engine/apply/kube_step_runner.h"
#include "engine/apply/run.h"
#include "engine/apply/waiter_adapter.h"
#include "engine/cli/state_cleanup.h"
#include "engine/state/lock.h"
#include "tests/integration/apply/cluster_snapshot.h"
#include "tests/integration/apply/seed_support.h"
#include "tests/support/clusters.h"
#include "tests/support/fault_injecting_runner.h"

namespace meshform::apply {
namespace {

using meshform::testing::FaultInjectingRunner;
using testing::Snapshot;

class SeedOnClusters : public ::testing::Test {
 protected:
  void SetUp() override {
    kubeconfig_ = meshform::testing::TestKubeconfig();
    meshform::testing::TestContexts(2);  // beijing and shanghai, as the seed names them
  }

  std::map<std::string, Snapshot> Snapshots(const kube::ClusterClients& clients) {
    std::map<std::string, Snapshot> out;
    for (const auto& c : clients.Names()) {
      out[c] = testing::TakeSnapshot(clients.For(c), testing::CommonKinds());
    }
    return out;
  }

  void ExpectSame(const std::map<std::string, Snapshot>& before,
                  const std::map<std::string, Snapshot>& after, const std::string& when) {
    for (const auto& [cluster, snapshot] : before) {
      for (const auto& line : testing::Differences(snapshot, after.at(cluster))) {
        ADD_FAILURE() << when << ": " << cluster << ": " << line;
      }
    }
  }

  // As the CLI runs a plan: under the topology's lock (which also makes meshform-system), and
  // afterwards, when nothing of the topology is left (destroyed, or rolled back), without
  // meshform-system again.
  ExecuteResult Run(cli::Planned& planned, int fail_at = 0) {
    ExecuteResult result = RunLocked(planned, fail_at);
    bool nothing_left =
        result.outcome == Outcome::kRolledBack ||
        (planned.plan.mode == plan::Mode::kDestroy && result.outcome == Outcome::kSucceeded);
    if (nothing_left) cli::RemoveUnusedState(planned, std::chrono::seconds(120));
    return result;
  }

  ExecuteResult RunLocked(cli::Planned& planned, int fail_at) {
    state::LockOptions lock_options;
    lock_options.topology = planned.plan.topology_name;
    auto lock = state::TopologyLock::Acquire(planned.clients->For(planned.plan.inventory_cluster),
                                             lock_options);
    readiness::WaitOptions waits;
    waits.timeout = std::chrono::seconds(120);
    WaitsAdapter waiter(waits);
    KubeRunnerOptions options;
    options.kubeconfig_path = kubeconfig_;
    options.topology_name = planned.plan.topology_name;
    options.inventory_cluster = planned.plan.inventory_cluster;
    KubeStepRunner runner(*planned.clients, planned.plan.values, waiter, options);
    FaultInjectingRunner faulty(runner, fail_at);
    Journal journal;
    NullStatus status;
    StepRunner& used = fail_at > 0 ? static_cast<StepRunner&>(faulty) : runner;
    ExecuteOptions o;
    o.parallelism = 32;
    return Execute(planned.plan, used, journal, status, o);
  }

  std::string kubeconfig_;
};

std::string FirstError(const ExecuteResult& r) {
  return r.errors.empty() ? "" : r.errors[0].address + ": " + r.errors[0].message;
}

TEST_F(SeedOnClusters, AppliedFromNothingEveryObjectRightThenNoChangesThenDestroyed) {
  auto planned = testing::PlanOrDie(testing::SeedTopology(), kubeconfig_, plan::Mode::kApply);
  auto before = Snapshots(*planned.clients);
  ASSERT_TRUE(planned.plan.HasChanges());
  auto result = Run(planned);
  ASSERT_EQ(result.outcome, Outcome::kSucceeded) << FirstError(result);
  int checked = 0;
  for (const auto& change : planned.plan.changes) {
    if (!change.resource.is_object() || change.action == plan::Action::kDelete) continue;
    auto problems =
        testing::CheckObject(planned.clients->For(change.cluster), change, planned.plan.values);
    for (const auto& p : problems) ADD_FAILURE() << p;
    ++checked;
  }
  EXPECT_GT(checked, 20);
  auto again = testing::PlanOrDie(testing::SeedTopology(), kubeconfig_, plan::Mode::kApply);
  for (const auto& c : again.plan.changes) {
    EXPECT_EQ(c.action, plan::Action::kNoOp) << c.address << ": " << c.reason;
  }
  auto destroy = testing::PlanOrDie(testing::SeedTopology(), kubeconfig_, plan::Mode::kDestroy);
  auto destroyed = Run(destroy);
  ASSERT_EQ(destroyed.outcome, Outcome::kSucceeded) << FirstError(destroyed);
  ExpectSame(before, Snapshots(*destroy.clients), "after destroy");
}

TEST_F(SeedOnClusters, RollbackAtEveryStepLeavesEveryClusterAsBefore) {
  auto first = testing::PlanOrDie(testing::SeedTopology(), kubeconfig_, plan::Mode::kApply);
  auto before = Snapshots(*first.clients);
  int steps = 0;
  for (const auto& c : first.plan.changes) steps += c.action != plan::Action::kNoOp;
  ASSERT_GT(steps, 20);
  for (int k = 1; k <= steps; ++k) {
    auto planned = testing::PlanOrDie(testing::SeedTopology(), kubeconfig_, plan::Mode::kApply);
    auto result = Run(planned, k);
    EXPECT_EQ(result.outcome, Outcome::kRolledBack) << "step " << k << ": " << FirstError(result);
    for (const auto& e : result.undo_errors)
      ADD_FAILURE() << k << ": " << e.address << ": " << e.message;
    ExpectSame(before, Snapshots(*planned.clients), "failing at step " + std::to_string(k));
  }
}

}  // namespace
}  // namespace meshform::apply
