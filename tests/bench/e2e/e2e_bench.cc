// Whole runs through the meshform binary, each against its kubectl peer on the same servers and
// in the same run (medians of several runs, and their ratio):
//   - apply of N generated workloads over 3 clusters, from nothing until every Deployment is
//     available (meshform apply: compile with the renderer, plan, lock, writes, readiness waits)
//     vs `kubectl apply --server-side` of the same rendered objects per cluster in parallel, then
//     `kubectl wait --for=condition=Available` on every Deployment; the kubectl wait alone is
//     printed too: how long the controllers take once everything is written (the floor);
//   - destroy of the same topology (meshform destroy: plan, lock, deletes in dependency order
//     and their waits) vs `kubectl delete --wait` of the rendered objects, then of the CRDs and
//     namespaces (it waits until they are gone).
// kubectl applies in two passes (CRDs and namespaces, wait until the CRDs are Established, then
// the rest), as it must: one pass fails on custom resources whose CRD is not served yet.
// kubectl gets only the objects whose content is known before apply (render leaves the others
// out: CA Secrets, tokens, remote secrets), so its set is slightly smaller; both counts print.
//   e2e_bench [WORKLOADS=100] [RUNS=3]
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "tests/bench/timing.h"
#include "tests/support/clusters.h"
#include "tests/support/commands.h"
#include "tests/support/topology_gen.h"

namespace {

using meshform::testing::CommandResult;
namespace fs = std::filesystem;

using meshform::bench::Median;
using meshform::bench::Seconds;

void Check(const CommandResult& r, const std::string& what) {
  if (r.exit_code == 0) return;
  std::cerr << what << " failed (exit " << r.exit_code << "):\n" << r.out << r.err << "\n";
  std::exit(1);
}

// The rendered objects kubectl can apply as they are, in two passes as kubectl needs them
// (OUT/first/<cluster>: CRDs and Namespaces; OUT/then/<cluster>: the rest, whose kinds the CRDs
// define): every YAML file of each cluster folder but the kustomization, objects holding a value
// known only after apply, and meshform's own state (meshform-system). Returns how many.
int CopyForKubectl(const std::string& rendered, const std::string& out) {
  int kept = 0;
  for (const auto& cluster : fs::directory_iterator(rendered)) {
    if (!cluster.is_directory() || cluster.path().filename() == "gitops") continue;
    for (const char* pass : {"first", "then"})
      fs::create_directories(fs::path(out) / pass / cluster.path().filename());
    for (const auto& f : fs::directory_iterator(cluster.path())) {
      if (f.path().extension() != ".yaml" || f.path().filename() == "kustomization.yaml") continue;
      std::string text = meshform::testing::ReadFile(f.path());
      if (text.find("(known after apply") != std::string::npos ||
          text.find("(sensitive)") != std::string::npos ||
          text.find("namespace: meshform-system") != std::string::npos) {
        continue;
      }
      bool first = text.find("kind: CustomResourceDefinition\n") != std::string::npos ||
                   text.find("kind: Namespace\n") != std::string::npos;
      fs::copy_file(f.path(), fs::path(out) / (first ? "first" : "then") /
                                  cluster.path().filename() / f.path().filename());
      ++kept;
    }
  }
  return kept;
}

// `kubectl ARGS` for every cluster at once (ARGS may name {dir}, the cluster's folder).
std::string EachCluster(const std::vector<std::string>& contexts, const std::string& dir,
                        const std::string& args) {
  std::string kubeconfig = meshform::testing::TestKubeconfig();
  std::string cmd = "set -e; pids=''; ";
  for (const auto& c : contexts) {
    std::string a = args;
    for (auto at = a.find("{dir}"); at != std::string::npos; at = a.find("{dir}"))
      a.replace(at, 5, dir + "/" + c);
    cmd += "kubectl --kubeconfig " + kubeconfig + " --context " + c + " " + a +
           " >/dev/null & pids=\"$pids $!\"; ";
  }
  return cmd + "for p in $pids; do wait $p; done";
}

}  // namespace

int main(int argc, char** argv) {
  int workloads = argc > 1 ? std::stoi(argv[1]) : 100;
  int runs = argc > 2 ? std::stoi(argv[2]) : 3;
  auto contexts = meshform::testing::TestContexts(3);
  contexts.resize(3);
  std::string dir = meshform::testing::MakeTempDir("meshform-e2e-bench");
  std::string file = dir + "/topology.yaml";
  meshform::testing::WriteFile(file,
                               meshform::testing::GeneratedTopology("e2e", workloads, contexts));
  Check(meshform::testing::Meshform("render -f " + file + " -d " + dir + "/rendered"), "render");
  int kubectl_objects = CopyForKubectl(dir + "/rendered", dir + "/kubectl");

  std::vector<double> applies, destroys, kubectl_applies, kubectl_waits, kubectl_deletes;
  std::string apply_out;
  for (int i = 0; i < runs; ++i) {
    applies.push_back(Seconds([&] {
      auto r = meshform::testing::Meshform("apply -f " + file + " -auto-approve");
      Check(r, "meshform apply");
      apply_out = r.out;
    }));
    destroys.push_back(Seconds([&] {
      Check(meshform::testing::Meshform("destroy -f " + file + " -auto-approve"),
            "meshform destroy");
    }));
    const std::string kApply =
        "apply --server-side --force-conflicts --field-manager=bench -f {dir}";
    double written = Seconds([&] {
      Check(meshform::testing::RunCommand(EachCluster(contexts, dir + "/kubectl/first", kApply)),
            "kubectl apply (CRDs and namespaces)");
      Check(meshform::testing::RunCommand(
                EachCluster(contexts, dir + "/kubectl/first",
                            "wait --for=condition=Established crd --all --timeout=120s")),
            "kubectl wait (CRDs)");
      Check(meshform::testing::RunCommand(EachCluster(contexts, dir + "/kubectl/then", kApply)),
            "kubectl apply");
    });
    double waited = Seconds([&] {
      Check(meshform::testing::RunCommand(
                EachCluster(contexts, dir + "/kubectl/then",
                            "wait --for=condition=Available deployment --all -A --timeout=600s")),
            "kubectl wait");
    });
    kubectl_applies.push_back(written + waited);
    kubectl_waits.push_back(waited);
    kubectl_deletes.push_back(Seconds([&] {
      Check(meshform::testing::RunCommand(EachCluster(
                contexts, dir + "/kubectl/then", "delete --wait=true --ignore-not-found -f {dir}")),
            "kubectl delete");
      Check(
          meshform::testing::RunCommand(EachCluster(
              contexts, dir + "/kubectl/first", "delete --wait=true --ignore-not-found -f {dir}")),
          "kubectl delete (CRDs and namespaces)");
    }));
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
            << "    of which kubectl wait (the floor):     " << Median(kubectl_waits) << " s\n"
            << "  ratio kubectl / meshform:                " << kubectl_apply / apply << "x\n"
            << "destroy until every object is gone (median of " << runs << "):\n"
            << "  meshform destroy:                        " << destroy << " s\n"
            << "  kubectl delete --wait:                   " << kubectl_delete << " s\n"
            << "  ratio kubectl / meshform:                " << kubectl_delete / destroy << "x\n";
  return 0;
}
