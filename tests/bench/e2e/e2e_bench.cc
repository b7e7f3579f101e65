// Whole runs through the meshform binary, each against its kubectl peer on the same servers and
// in the same run (medians of several runs, and their ratio):
//   - apply of N generated workloads over 3 clusters, from nothing until every Deployment is
//     available (meshform apply: compile with the renderer, plan, lock, writes, readiness waits)
//     vs `kubectl apply --server-side` of the same rendered objects per cluster in parallel, then
//     `kubectl wait --for=condition=Available` on every Deployment; the kubectl wait alone is
//     printed too: how long the controllers take once everything is written;
//   - the controllers' own floor: the workloads' Deployments alone created by `kubectl create` (one
//     request stream per cluster, the clusters in parallel) in namespaces made beforehand
//     (without injection, as nothing else is there), until `kubectl wait` sees every one
//     Available; the time from the first request to the last Deployment available;
//   - destroy of the same topology (meshform destroy: plan, lock, deletes in dependency order
//     and their waits) vs `kubectl delete --wait` of the rendered objects, then of the CRDs and
//     namespaces (it waits until they are gone).
// kubectl applies in two passes (CRDs and namespaces, wait until the CRDs are Established, then
// the rest), as it must: one pass fails on custom resources whose CRD is not served yet.
// kubectl gets only the objects whose content is known before apply (render leaves the others
// out: CA Secrets, tokens, remote secrets), so its set is slightly smaller; both counts print.
//   e2e_bench [WORKLOADS=100] [RUNS=3]
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "tests/bench/e2e/e2e_support.h"
#include "tests/bench/timing.h"
#include "tests/support/topology_gen.h"

using namespace meshform::bench;  // NOLINT(google-build-using-namespace): a benchmark's main
using meshform::testing::RunCommand;

namespace {

// The controllers' floor: seconds from `kubectl create` of the Deployments in FLOOR/<context>
// (into NAMESPACES, made beforehand) until every one is Available; they are deleted afterwards.
double Floor(const std::vector<std::string>& contexts, const std::string& floor,
             const std::vector<std::string>& namespaces) {
  std::string all;
  for (const auto& ns : namespaces) {
    Check(RunCommand(EachCluster(contexts, "create namespace " + ns)), "kubectl create namespace");
    all += " " + ns;
  }
  double seconds = Seconds([&] {
    Check(RunCommand(EachCluster(contexts, "create -f " + floor + "/{context}")),
          "kubectl create (floor)");
    Check(RunCommand(EachCluster(
              contexts, "wait --for=condition=Available deployment --all -A --timeout=600s")),
          "kubectl wait (floor)");
  });
  Check(RunCommand(EachCluster(contexts, "delete namespace --wait=true" + all)),
        "kubectl delete namespace (floor)");
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  Setup setup = SetUp(argc, argv, "e2e-bench", 3);
  const int workloads = setup.workloads, runs = setup.runs;
  const auto& contexts = setup.contexts;
  const std::string &dir = setup.dir, &file = setup.file;
  Check(meshform::testing::Meshform("render -f " + file + " -d " + dir + "/rendered"), "render");
  int kubectl_objects = CopyForKubectl(dir + "/rendered", dir + "/kubectl");
  const std::vector<std::string> floor_namespaces =
      CopyDeployments(dir + "/kubectl", dir + "/floor");

  std::vector<double> applies, destroys, kubectl_applies, kubectl_waits, kubectl_deletes, floors;
  std::string apply_out, destroy_out;
  long peak = 0;
  for (int i = 0; i < runs; ++i) {
    Measured apply = MeasureMeshform("apply -f " + file + " -auto-approve");
    Check(apply.result, "meshform apply");
    applies.push_back(apply.seconds);
    apply_out = apply.result.out;
    Measured destroy = MeasureMeshform("destroy -f " + file + " -auto-approve");
    Check(destroy.result, "meshform destroy");
    destroys.push_back(destroy.seconds);
    destroy_out = destroy.result.out;
    peak = std::max({peak, apply.peak_rss_kib, destroy.peak_rss_kib});
    const std::string first = " -f " + dir + "/kubectl/first/{context}";
    const std::string then = " -f " + dir + "/kubectl/then/{context}";
    const std::string ssa = "apply --server-side --force-conflicts --field-manager=bench";
    double written = Seconds([&] {
      Check(RunCommand(EachCluster(contexts, ssa + first)), "kubectl apply (CRDs, namespaces)");
      Check(RunCommand(
                EachCluster(contexts, "wait --for=condition=Established crd --all --timeout=120s")),
            "kubectl wait (CRDs)");
      Check(RunCommand(EachCluster(contexts, ssa + then)), "kubectl apply");
    });
    double waited = Seconds([&] {
      Check(RunCommand(EachCluster(
                contexts, "wait --for=condition=Available deployment --all -A --timeout=600s")),
            "kubectl wait");
    });
    kubectl_applies.push_back(written + waited);
    kubectl_waits.push_back(waited);
    kubectl_deletes.push_back(Seconds([&] {
      const std::string del = "delete --wait=true --ignore-not-found";
      Check(RunCommand(EachCluster(contexts, del + then)), "kubectl delete");
      Check(RunCommand(EachCluster(contexts, del + first)), "kubectl delete (CRDs, namespaces)");
    }));
    floors.push_back(Floor(contexts, dir + "/floor", floor_namespaces));
    // Each run's figures as they come: a long run cut short still leaves them.
    std::cout << "run " << i + 1 << ": meshform apply " << applies.back() << " s, destroy "
              << destroys.back() << " s; kubectl apply + wait " << kubectl_applies.back()
              << " s (wait " << kubectl_waits.back() << " s), delete " << kubectl_deletes.back()
              << " s; floor " << floors.back() << " s" << std::endl;
  }
  std::string objects = "?";
  if (auto at = apply_out.find("Apply complete! Resources: "); at != std::string::npos)
    objects = apply_out.substr(at + 27, apply_out.find('\n', at) - at - 27);

  double apply = Median(applies), destroy = Median(destroys);
  double kubectl_apply = Median(kubectl_applies), kubectl_delete = Median(kubectl_deletes);
  std::cout << workloads << " workloads over 3 clusters (" << workloads * 3
            << " Deployments); meshform: " << objects << "; kubectl: " << kubectl_objects
            << " rendered objects (without those known only after apply)\n"
            << "apply until every Deployment is available (median of " << runs << "):\n"
            << "  meshform apply:                          " << apply << " s\n"
            << "  kubectl apply --server-side + wait:      " << kubectl_apply << " s\n"
            << "    of which kubectl wait:                 " << Median(kubectl_waits) << " s\n"
            << "  ratio kubectl / meshform:                " << kubectl_apply / apply << "x\n"
            << "  the controllers' floor (kubectl create of the Deployments alone, then wait): "
            << Median(floors) << " s\n"
            << "  ratio meshform / floor:                  " << apply / Median(floors) << "x\n"
            << "destroy until every object is gone (median of " << runs << "):\n"
            << "  meshform destroy:                        " << destroy << " s\n"
            << "  kubectl delete --wait:                   " << kubectl_delete << " s\n"
            << "  ratio kubectl / meshform:                " << kubectl_delete / destroy << "x\n"
            << "meshform's peak memory (apply or destroy): " << peak / 1024 << " MiB\n"
            << "where meshform's last apply spent its time:\n  " << TimingsLine(apply_out) << "\n"
            << "where meshform's last destroy spent its time:\n  " << TimingsLine(destroy_out)
            << "\n";
  return 0;
}
