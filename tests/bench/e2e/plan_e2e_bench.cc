// The plan a user runs most, through the meshform binary, against its kubectl peer on the same
// servers in the same run (medians of several runs, and their ratio), on a topology of N
// generated workloads over 3 clusters that meshform applied first:
//   - no-change plan: `meshform plan -f topology.yaml` (load, compile with the stand-in renderer,
//     connect, read the live objects, diff, confirm suspected updates by dry run, print) vs
//     `kubectl diff --server-side` of the same rendered objects, per cluster in parallel;
//   - one-field drift: the same after `kubectl label` changed one Deployment's label (another
//     field manager owns it now: meshform reports drift and plans one update; kubectl diff
//     shows one difference).
// meshform's figure includes the renderer (one run per cluster); its own time, summed over the
// clusters' runs, the compile's, and the plan's main phases (reading the live objects, the diff,
// the dry runs that confirm suspected updates) are printed beside it from meshform's `-v` phase
// timings.
// kubectl diff gets every rendered object whose content is known before apply (the same set as
// e2e_bench), applies it as meshform's field manager with --force-conflicts, and exits 1 when
// it found a difference.
//   plan_e2e_bench [WORKLOADS=100] [RUNS=5]
#include <iostream>
#include <string>
#include <vector>

#include "tests/bench/e2e/e2e_support.h"
#include "tests/bench/timing.h"
#include "tests/support/topology_gen.h"

using namespace meshform::bench;  // NOLINT(google-build-using-namespace): a benchmark's main
using meshform::testing::Kubectl;
using meshform::testing::RunCommand;

namespace {

struct Figures {
  std::vector<double> meshform, renderer, compile, read, diff, confirm, kubectl;
};

// RUNS plans by meshform and by kubectl diff, alternating; meshform's exit code must be
// `meshform_exit`, and its output must contain `expect`.
Figures PlanRuns(int runs, const std::string& file, const std::vector<std::string>& contexts,
                 const std::string& kubectl_dir, const std::string& expect) {
  Figures f;
  for (int i = 0; i < runs; ++i) {
    Measured plan = MeasureMeshform("plan -v -f " + file);
    Check(plan.result, "meshform plan");
    if (plan.result.out.find(expect) == std::string::npos) {
      std::cerr << "meshform plan did not print \"" << expect << "\":\n" << plan.result.out;
      std::exit(1);
    }
    f.meshform.push_back(plan.seconds);
    f.renderer.push_back(PhaseMillis(plan.result.err, "renderer runs (summed)") / 1000);
    f.compile.push_back(PhaseMillis(plan.result.err, "compile") / 1000);
    f.read.push_back(PhaseMillis(plan.result.err, "read live state") / 1000);
    f.diff.push_back(PhaseMillis(plan.result.err, "diff objects") / 1000);
    f.confirm.push_back(PhaseMillis(plan.result.err, "confirm updates with dry runs") / 1000);
    f.kubectl.push_back(Seconds([&] {
      Check(RunCommand(EachCluster(contexts,
                                   "diff --server-side --field-manager=meshform --force-conflicts"
                                   " -f " +
                                       kubectl_dir + "/first/{context} -f " + kubectl_dir +
                                       "/then/{context}",
                                   {0, 1})),
            "kubectl diff");
    }));
  }
  return f;
}

void Print(const std::string& title, const Figures& f, int runs) {
  double meshform = Median(f.meshform), kubectl = Median(f.kubectl);
  std::cout << title << " (median of " << runs << "):\n"
            << "  meshform plan:                           " << meshform << " s\n"
            << "    of which compile:                      " << Median(f.compile) << " s\n"
            << "    renderer runs (3 in parallel, summed): " << Median(f.renderer) << " s\n"
            << "    of which reading the live objects:     " << Median(f.read) << " s\n"
            << "    of which the diff:                     " << Median(f.diff) << " s\n"
            << "    of which dry runs confirming updates:  " << Median(f.confirm) << " s\n"
            << "  kubectl diff --server-side:              " << kubectl << " s\n"
            << "  ratio kubectl / meshform:                " << kubectl / meshform << "x\n";
}

}  // namespace

int main(int argc, char** argv) {
  Setup setup = SetUp(argc, argv, "plan-bench", 5);
  const int workloads = setup.workloads, runs = setup.runs;
  const auto& contexts = setup.contexts;
  const std::string &dir = setup.dir, &file = setup.file;
  Check(meshform::testing::Meshform("render -f " + file + " -d " + dir + "/rendered"), "render");
  int kubectl_objects = CopyForKubectl(dir + "/rendered", dir + "/kubectl");
  Measured applied = MeasureMeshform("apply -f " + file + " -auto-approve");
  Check(applied.result, "meshform apply");

  std::cout << workloads << " workloads over 3 clusters, applied by meshform; kubectl diff gets "
            << kubectl_objects << " rendered objects\n";
  Print("no-change plan", PlanRuns(runs, file, contexts, dir + "/kubectl", "No changes."), runs);

  // Drift: another manager takes one field of one Deployment.
  Check(Kubectl(contexts[0], "label deployment w0 -n bench tier=drifted --overwrite"),
        "kubectl label");
  Print("plan after one field drifted (one Deployment's label, another field manager)",
        PlanRuns(runs, file, contexts, dir + "/kubectl", "1 to change"), runs);

  Check(meshform::testing::Meshform("destroy -f " + file + " -auto-approve"), "meshform destroy");
  return 0;
}
