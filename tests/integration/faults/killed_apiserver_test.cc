// One cluster's kube-apiserver SIGKILLed in the middle of an apply and started again by the
// harness a few seconds later (same port, certificates and etcd): the apply completes through
// its retries, or fails and rolls back completely (every cluster as before); either way the
// next apply converges and a plan then shows no changes.
#include <gtest/gtest.h>

#include <thread>

#include "tests/integration/faults/fault_support.h"
#include "tests/support/clusters.h"
#include "tests/support/topology_gen.h"

namespace meshform::testing {
namespace {

TEST(KilledApiserver, ApplyCompletesOrRollsBackAndTheNextApplyConverges) {
  auto contexts = TestContexts(3);
  const std::string victim = contexts[1];  // not the inventory's cluster (the first)
  std::string ns = UniqueName("killed");
  std::string file = MakeTempDir("meshform-killed") + "/topology.yaml";
  WriteFile(file, GeneratedTopology(UniqueName("killed"), 6, contexts, ns));
  auto before = SnapshotAll(contexts);

  auto apply = MeshformInBackground("apply -f " + file + " -auto-approve", 240);
  // Mid-apply: once the workloads' namespace exists in the victim's cluster.
  bool writing = WaitFor(
      [&] { return Kubectl(victim, "get namespace " + ns + " -o name").exit_code == 0; }, 120);
  ASSERT_TRUE(writing) << "the apply never reached " << victim;
  Apiserver(victim, "kill");
  std::this_thread::sleep_for(std::chrono::seconds(3));
  Apiserver(victim, "start");  // waits until /readyz answers
  CommandResult first = apply.get();
  ASSERT_NE(first.exit_code, 124) << "the apply hung:\n" << first.out << first.err;
  if (first.exit_code != 0) {
    EXPECT_NE((first.out + first.err).find("rolled back"), std::string::npos)
        << first.out << first.err;
    // A deleted namespace takes a moment to go (Terminating): wait for it, not for more.
    std::vector<std::string> differences;
    WaitFor(
        [&] {
          differences = DifferencesAll(before, SnapshotAll(contexts));
          return differences.empty();
        },
        60);
    EXPECT_TRUE(differences.empty()) << "not rolled back completely:\n"
                                     << ::testing::PrintToString(differences) << first.err;
  }

  auto second = Meshform("apply -f " + file + " -auto-approve");
  EXPECT_EQ(second.exit_code, 0) << second.out << second.err;
  auto plan = Meshform("plan -f " + file + " --detailed-exitcode");
  EXPECT_EQ(plan.exit_code, 0) << plan.out << plan.err;
  EXPECT_NE(plan.out.find("No changes."), std::string::npos) << plan.out;

  auto destroy = Meshform("destroy -f " + file + " -auto-approve");
  EXPECT_EQ(destroy.exit_code, 0) << destroy.out << destroy.err;
}

}  // namespace
}  // namespace meshform::testing
