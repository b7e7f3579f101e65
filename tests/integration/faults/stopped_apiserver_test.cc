// One cluster's kube-apiserver SIGSTOPped during an apply for longer than meshform's request
// timeout (60 s), then SIGCONTinued: the apply ends (completes, or fails with an error naming
// the cluster) instead of hanging, and the next apply converges with a plan of no changes.
#include <gtest/gtest.h>

#include <thread>

#include "tests/integration/faults/fault_support.h"
#include "tests/support/clusters.h"
#include "tests/support/topology_gen.h"

namespace meshform::testing {
namespace {

TEST(StoppedApiserver, ApplyEndsWithoutHangingAndTheNextApplyConverges) {
  auto contexts = TestContexts(3);
  const std::string victim = contexts[2];
  std::string ns = UniqueName("stopped");
  std::string file = MakeTempDir("meshform-stopped") + "/topology.yaml";
  WriteFile(file, GeneratedTopology(UniqueName("stopped"), 4, contexts, ns));

  auto apply = MeshformInBackground("apply -f " + file + " -auto-approve", 200);
  bool writing = WaitFor(
      [&] { return Kubectl(victim, "get namespace " + ns + " -o name").exit_code == 0; }, 120);
  ASSERT_TRUE(writing) << "the apply never reached " << victim;
  Apiserver(victim, "stop");
  std::this_thread::sleep_for(std::chrono::seconds(65));
  Apiserver(victim, "cont");
  CommandResult first = apply.get();
  ASSERT_NE(first.exit_code, 124) << "the apply hung:\n" << first.out << first.err;
  if (first.exit_code != 0) {
    EXPECT_NE(first.err.find(victim), std::string::npos) << "the error names no cluster:\n"
                                                         << first.out << first.err;
  }

  auto second = Meshform("apply -f " + file + " -auto-approve");
  EXPECT_EQ(second.exit_code, 0) << second.out << second.err;
  auto plan = Meshform("plan -f " + file + " --detailed-exitcode");
  EXPECT_EQ(plan.exit_code, 0) << plan.out << plan.err;

  auto destroy = Meshform("destroy -f " + file + " -auto-approve");
  EXPECT_EQ(destroy.exit_code, 0) << destroy.out << destroy.err;
}

}  // namespace
}  // namespace meshform::testing
