// The seed example on real local clusters, through the real planner and executor:
//   * applied from nothing, every object of the plan is present and right in its cluster
//     (checked one by one), a new plan has no changes, and destroy leaves every cluster as it
//     was before;
//   * rollback at every fifth step (and the last: SampledSteps, cluster_snapshot.h): failing
//     the apply at step k leaves every cluster exactly as before (the executor's mini mesh,
//     executor_cluster_test.cc, fails at every third step; each iteration here applies and
//     removes whole namespaces and CRDs of the seed, about a minute on CI's machine);
//   * the same for a second apply over the applied seed that updates and deletes (a workload's
//     image changed, another workload removed), faults before and after the step's writes,
//     custom resources (KubeFed's) in the comparison (not the member objects KubeFed derives
//     from them, nor its status: see WithoutKubefedBookkeeping).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

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
    auto kinds = testing::CommonKinds();
    for (const char* kind : {"FederatedDeployment", "FederatedNamespace"}) {
      kinds.push_back({"types.kubefed.io/v1beta1", kind});
    }
    kinds.push_back({"core.kubefed.io/v1beta1", "KubeFedCluster"});
    for (const auto& c : clients.Names()) {
      out[c] = testing::TakeSnapshot(clients.For(c), kinds);
      WithoutKubefedBookkeeping(out[c]);
    }
    return out;
  }

  // KubeFed's side (the sync-controller stand-in of the local clusters): the member objects it
  // derives from the federated objects (labelled kubefed.io/managed; it converges them after a
  // rollback restores a federated object, on its own time) and the status it writes are not
  // meshform's writes; the federated objects themselves are compared.
  static void WithoutKubefedBookkeeping(testing::Snapshot& snapshot) {
    std::erase_if(snapshot, [](const auto& entry) {
      const auto& labels = entry.second.at("metadata").value("labels", nlohmann::json::object());
      return labels.value("kubefed.io/managed", "") == "true";
    });
    for (auto& [key, object] : snapshot) {
      std::string api_version = object.value("apiVersion", "");
      if (api_version.rfind("types.kubefed.io/", 0) == 0 ||
          api_version.rfind("core.kubefed.io/", 0) == 0) {
        object.erase("status");
      }
    }
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
  ExecuteResult Run(cli::Planned& planned, int fail_at = 0,
                    FaultInjectingRunner::When when = FaultInjectingRunner::When::kAfterWrites) {
    ExecuteResult result = RunLocked(planned, fail_at, when);
    bool nothing_left =
        result.outcome == Outcome::kRolledBack ||
        (planned.plan.mode == plan::Mode::kDestroy && result.outcome == Outcome::kSucceeded);
    if (nothing_left) cli::RemoveUnusedState(planned, std::chrono::seconds(120));
    return result;
  }

  ExecuteResult RunLocked(cli::Planned& planned, int fail_at, FaultInjectingRunner::When when) {
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
    FaultInjectingRunner faulty(runner, fail_at, when);
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

TEST_F(SeedOnClusters, RollbackAtEveryFifthStepLeavesEveryClusterAsBefore) {
  auto first = testing::PlanOrDie(testing::SeedTopology(), kubeconfig_, plan::Mode::kApply);
  auto before = Snapshots(*first.clients);
  int steps = 0;
  for (const auto& c : first.plan.changes) steps += c.action != plan::Action::kNoOp;
  ASSERT_GT(steps, 20);
  for (int k : testing::SampledSteps(steps, 5)) {
    auto planned = testing::PlanOrDie(testing::SeedTopology(), kubeconfig_, plan::Mode::kApply);
    auto result = Run(planned, k);
    EXPECT_EQ(result.outcome, Outcome::kRolledBack) << "step " << k << ": " << FirstError(result);
    for (const auto& e : result.undo_errors)
      ADD_FAILURE() << k << ": " << e.address << ": " << e.message;
    ExpectSame(before, Snapshots(*planned.clients), "failing at step " + std::to_string(k));
  }
}

// The seed applied, then a topology that changes one workload's image (updates of its
// FederatedDeployment) and drops the other (deletes): failing that second apply at every step
// k, before or after the step's writes, rolls back to exactly the first apply's state.
TEST_F(SeedOnClusters, ASecondApplyThatUpdatesAndDeletesRollsBackAtEveryStep) {
  std::ifstream in(testing::SeedTopology());
  std::stringstream text;
  text << in.rdbuf();
  std::string changed = text.str();
  auto replace = [&](const std::string& from, const std::string& to) {
    auto at = changed.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    changed.replace(at, from.size(), to);
  };
  replace("[../../tools/istio-renderer]",
          "[" + std::string(MESHFORM_SOURCE_DIR) + "/tools/istio-renderer]");
  replace("image: docker.io/istio/examples-helloworld-v1",
          "image: docker.io/istio/examples-helloworld-v3");
  auto sleep = changed.find("  - name: sleep");
  ASSERT_NE(sleep, std::string::npos);
  changed.resize(sleep);
  auto dir = std::filesystem::temp_directory_path() / meshform::testing::UniqueName("mf-seed2");
  std::filesystem::create_directories(dir);
  std::string second = (dir / "topology.yaml").string();
  std::ofstream(second) << changed;

  auto first = testing::PlanOrDie(testing::SeedTopology(), kubeconfig_, plan::Mode::kApply);
  ASSERT_EQ(Run(first).outcome, Outcome::kSucceeded);
  auto before = Snapshots(*first.clients);
  auto probe = testing::PlanOrDie(second, kubeconfig_, plan::Mode::kApply);
  int steps = 0, updates = 0, deletes = 0;
  for (const auto& c : probe.plan.changes) {
    steps += c.action != plan::Action::kNoOp;
    updates += c.action == plan::Action::kUpdate;
    deletes += c.action == plan::Action::kDelete;
  }
  EXPECT_GE(updates, 2);  // the FederatedDeployment and the inventory
  EXPECT_GE(deletes, 1);  // the dropped workload's FederatedDeployment
  for (int k = 1; k <= steps; ++k) {
    auto when = k % 2 ? FaultInjectingRunner::When::kBeforeWrites
                      : FaultInjectingRunner::When::kAfterWrites;
    auto planned = testing::PlanOrDie(second, kubeconfig_, plan::Mode::kApply);
    auto result = Run(planned, k, when);
    EXPECT_EQ(result.outcome, Outcome::kRolledBack) << "step " << k << ": " << FirstError(result);
    for (const auto& e : result.undo_errors)
      ADD_FAILURE() << k << ": " << e.address << ": " << e.message;
    ExpectSame(before, Snapshots(*planned.clients), "failing at step " + std::to_string(k));
  }
  auto destroy = testing::PlanOrDie(testing::SeedTopology(), kubeconfig_, plan::Mode::kDestroy);
  EXPECT_EQ(Run(destroy).outcome, Outcome::kSucceeded);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace meshform::apply
