// Times a no-change `meshform plan` of a generated topology (~2,000 objects over 3 clusters)
// against `kubectl diff --server-side` of the same objects on the same API servers, in one run,
// and prints the figures and the ratio. Needs the harness's clusters (MESHFORM_TEST_CONTEXTS with
// three contexts, KUBECONFIG); see CMakeLists.txt for the command.
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

void Check(const CommandResult& r, const std::string& what, std::initializer_list<int> ok = {0}) {
  if (std::find(ok.begin(), ok.end(), r.exit_code) != ok.end()) return;
  std::cerr << what << " failed (exit " << r.exit_code << "):\n" << r.out << r.err << "\n";
  std::exit(1);
}

// The rendered manifests of each cluster that hold no marker of an unknown or hidden value
// (kubectl cannot diff those); returns how many objects were kept.
int KubectlReadyManifests(const std::string& rendered, const std::string& out) {
  int kept = 0;
  for (const auto& cluster : fs::directory_iterator(rendered)) {
    if (!cluster.is_directory()) continue;
    fs::create_directories(fs::path(out) / cluster.path().filename());
    for (const auto& f : fs::directory_iterator(cluster.path())) {
      std::string text = meshform::testing::ReadFile(f.path());
      if (text.find("(known after apply") != std::string::npos ||
          text.find("(sensitive)") != std::string::npos) {
        continue;
      }
      fs::copy_file(f.path(), fs::path(out) / cluster.path().filename() / f.path().filename());
      ++kept;
    }
  }
  return kept;
}

}  // namespace

int main(int argc, char** argv) {
  int workloads = argc > 1 ? std::stoi(argv[1]) : 330;
  int runs = argc > 2 ? std::stoi(argv[2]) : 3;
  auto contexts = meshform::testing::TestContexts(3);
  contexts.resize(3);
  std::string dir = meshform::testing::MakeTempDir("meshform-plan-bench");
  std::string file = dir + "/topology.yaml";
  meshform::testing::WriteFile(file,
                               meshform::testing::GeneratedTopology("bench", workloads, contexts));

  double apply = Seconds([&] {
    Check(meshform::testing::Meshform("apply -f " + file + " -auto-approve"), "meshform apply");
  });
  Check(meshform::testing::Meshform("plan -f " + file + " --detailed-exitcode"), "warm-up plan");

  std::vector<double> plans, diffs;
  for (int i = 0; i < runs; ++i) {
    plans.push_back(Seconds([&] {
      Check(meshform::testing::Meshform("plan -f " + file + " --detailed-exitcode"),
            "meshform plan");
    }));
  }
  Check(meshform::testing::Meshform("render -f " + file + " -d " + dir + "/rendered"), "render");
  int objects = KubectlReadyManifests(dir + "/rendered", dir + "/kubectl");
  std::string kubeconfig = meshform::testing::TestKubeconfig();
  std::string cmd;
  for (const auto& c : contexts) {
    cmd += "kubectl --kubeconfig " + kubeconfig + " --context " + c +
           " diff --server-side --field-manager=meshform --force-conflicts -f " + dir +
           "/kubectl/" + c + " >/dev/null & ";
  }
  cmd += "wait";
  for (int i = 0; i < runs; ++i) {
    diffs.push_back(Seconds([&] { meshform::testing::RunCommand(cmd); }));
  }
  Check(meshform::testing::Meshform("destroy -f " + file + " -auto-approve"), "meshform destroy");

  double plan = Median(plans), diff = Median(diffs);
  std::cout << "objects (kubectl diff set): " << objects << " over " << contexts.size()
            << " clusters\n"
            << "meshform apply (from nothing): " << apply << " s\n"
            << "meshform plan, no changes (median of " << runs << "): " << plan << " s\n"
            << "kubectl diff --server-side, 3 clusters in parallel (median of " << runs
            << "): " << diff << " s\n"
            << "ratio kubectl diff / meshform plan: " << diff / plan << "x\n";
  return 0;
}
