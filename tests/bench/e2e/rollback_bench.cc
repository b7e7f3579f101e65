// Rollback through the meshform binary: an apply of N generated workloads over 3 clusters that
// fails at its last step (a Service the API server rejects, a port out of range, which depends
// on every Deployment, so it is written once all of them are available), then rolls back every
// step it took. Compared in the same run with the same apply without the failing object, from
// nothing (medians of several runs). Figures from meshform's `-v` phase timings:
//   apply  — the forward pass (writes and readiness waits, up to the failure);
//   rollback — undoing every step, dependents first (deletes wait until the objects are gone).
// The whole command's wall time (load, compile with the stand-in renderer, plan, lock, journal)
// prints too.
//   rollback_bench [WORKLOADS=100] [RUNS=3]
#include <iostream>
#include <string>
#include <vector>

#include "tests/bench/e2e/e2e_support.h"
#include "tests/bench/timing.h"
#include "tests/support/topology_gen.h"

using namespace meshform::bench;  // NOLINT(google-build-using-namespace): a benchmark's main

namespace {

// The topology with one more object in the second cluster, rejected by its API server, that
// depends on every workload's Deployment.
std::string FailingLast(const std::string& topology, int workloads,
                        const std::vector<std::string>& contexts) {
  std::string depends;
  for (const auto& c : contexts) {
    for (int w = 0; w < workloads; ++w)
      depends +=
          (depends.empty() ? "" : ", ") + c + "/apps/v1/Deployment/bench/w" + std::to_string(w);
  }
  return topology + "manifests:\n  - cluster: " + contexts[1] + "\n    dependsOn: [" + depends +
         "]\n    documents:\n      - apiVersion: v1\n        kind: Service\n"
         "        metadata: {name: out-of-range, namespace: bench}\n"
         "        spec: {ports: [{port: 70000}]}\n";
}

}  // namespace

int main(int argc, char** argv) {
  Setup setup = SetUp(argc, argv, "rollback-bench", 3);
  const int workloads = setup.workloads, runs = setup.runs;
  const std::string& good = setup.file;
  const std::string failing = setup.dir + "/failing.yaml";
  meshform::testing::WriteFile(
      failing, FailingLast(meshform::testing::ReadFile(good), workloads, setup.contexts));

  std::vector<double> applies, failed_commands, forward, rollbacks;
  for (int i = 0; i < runs; ++i) {
    Measured apply = MeasureMeshform("apply -f " + good + " -auto-approve");
    Check(apply.result, "meshform apply");
    applies.push_back(apply.seconds);
    Check(meshform::testing::Meshform("destroy -f " + good + " -auto-approve"), "meshform destroy");

    Measured failed = MeasureMeshform("apply -v -f " + failing + " -auto-approve");
    Check(failed.result, "meshform apply (failing at its last step, rolled back)", {1});
    if (failed.result.err.find("out-of-range") == std::string::npos) {
      std::cerr << "the failing apply did not fail at the rejected Service:\n" << failed.result.err;
      return 1;
    }
    failed_commands.push_back(failed.seconds);
    forward.push_back(PhaseMillis(failed.result.err, "apply") / 1000);
    rollbacks.push_back(PhaseMillis(failed.result.err, "rollback") / 1000);
  }
  // What the rollback left must be nothing: the next plan of the good topology creates all.
  auto plan = meshform::testing::Meshform("plan -f " + good);
  Check(plan, "meshform plan after the rollback");
  if (plan.out.find(" to add, 0 to change, 0 to destroy") == std::string::npos ||
      plan.out.find("Plan: 0 to add") != std::string::npos) {
    std::cerr << "after the rollback, the plan is not a plan from nothing:\n" << plan.out;
    return 1;
  }

  double apply = Median(applies), rollback = Median(rollbacks);
  std::cout << workloads << " workloads over 3 clusters (" << workloads * 3
            << " Deployments), median of " << runs << ":\n"
            << "  meshform apply from nothing, succeeding (whole command):   " << apply << " s\n"
            << "  meshform apply failing at its last step (whole command):   "
            << Median(failed_commands) << " s\n"
            << "    its forward pass (writes and waits, up to the failure):  " << Median(forward)
            << " s\n"
            << "    its rollback (every step undone, deletes waited for):    " << rollback << " s\n"
            << "  ratio rollback / successful apply:                         " << rollback / apply
            << "\n";
  return 0;
}
