// How meshform's cost grows with clusters, through the binary: the same per-cluster topology
// (W generated workloads, each a Deployment and a Service in every cluster; multi-primary over
// two networks, so remote secrets grow with the square of the clusters) over the first 3, 6 and
// 10 local clusters: plan from nothing, apply until every Deployment is available, no-change
// plan and destroy, each its wall time and meshform's peak memory (the process and its
// renderer children). Then the memory of one plan of about 10,000 objects (10 clusters, 500
// workloads, against the empty clusters). Every figure includes the stand-in renderer.
//   tools/local-clusters run c1 ... c10 -- build/bin/scale_bench [W=20] [RUNS=1]
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "tests/bench/e2e/e2e_support.h"
#include "tests/bench/timing.h"
#include "tests/support/topology_gen.h"

using namespace meshform::bench;  // NOLINT(google-build-using-namespace): a benchmark's main

namespace {

struct Row {
  std::vector<double> plan, apply, noop, destroy;
  long peak_kib = 0;
};

Measured Run(const std::string& args, Row& row) {
  Measured m = MeasureMeshform(args);
  Check(m.result, "meshform " + args);
  row.peak_kib = std::max(row.peak_kib, m.peak_rss_kib);
  return m;
}

// "Plan: 10123 to add" -> 10123 (0 when absent).
long Added(const std::string& plan_output) {
  auto at = plan_output.find("Plan: ");
  return at == std::string::npos ? 0 : std::stol(plan_output.substr(at + 6));
}

}  // namespace

int main(int argc, char** argv) {
  int workloads = argc > 1 ? std::stoi(argv[1]) : 20;
  int runs = argc > 2 ? std::stoi(argv[2]) : 1;
  auto all = Contexts(10);
  std::string dir = meshform::testing::MakeTempDir("meshform-scale-bench");
  std::cout << workloads << " workloads in every cluster; median of " << runs
            << " runs; peak memory is the largest of the four commands\n"
            << "clusters  objects  plan(s)  apply(s)  no-change plan(s)  destroy(s)  "
               "plan s/cluster  peak MiB\n";
  for (size_t count : {3, 6, 10}) {
    std::vector<std::string> contexts(all.begin(), all.begin() + count);
    std::string file = dir + "/topology-" + std::to_string(count) + ".yaml";
    meshform::testing::WriteFile(file, meshform::testing::GeneratedTopology(
                                           "scale" + std::to_string(count), workloads, contexts));
    Row row;
    long objects = 0;
    for (int i = 0; i < runs; ++i) {
      Measured plan = Run("plan -f " + file, row);
      objects = Added(plan.result.out);
      row.plan.push_back(plan.seconds);
      row.apply.push_back(Run("apply -f " + file + " -auto-approve", row).seconds);
      Measured noop = Run("plan -f " + file, row);
      if (noop.result.out.find("No changes.") == std::string::npos) {
        std::cerr << "the plan after apply is not clean:\n" << noop.result.out;
        return 1;
      }
      row.noop.push_back(noop.seconds);
      row.destroy.push_back(Run("destroy -f " + file + " -auto-approve", row).seconds);
    }
    std::printf("%8zu  %7ld  %7.2f  %8.2f  %17.2f  %10.2f  %14.3f  %8ld\n", count, objects,
                Median(row.plan), Median(row.apply), Median(row.noop), Median(row.destroy),
                Median(row.plan) / static_cast<double>(count), row.peak_kib / 1024);
    std::fflush(stdout);
  }
  std::string big = dir + "/topology-big.yaml";
  meshform::testing::WriteFile(big, meshform::testing::GeneratedTopology("scale-big", 500, all));
  Row row;
  Measured plan = Run("plan -f " + big, row);
  std::cout << "plan of " << Added(plan.result.out)
            << " objects over 10 clusters from nothing: " << plan.seconds << " s, peak memory "
            << plan.peak_rss_kib / 1024 << " MiB\n";
  return 0;
}
