// Benchmark: meshform's executor applying ~2,000 new objects over 3 clusters, against
// `kubectl apply --server-side` of the same objects on the same servers (one kubectl per
// cluster, all three at once), and against the servers' raw capacity for server-side apply
// (Debian's `hey` at high concurrency). Run inside tools/local-clusters:
//   tools/local-clusters run beijing shanghai guangzhou -- build/bin/apply_bench [N]
//       [--parallelism P (default 32)] [--runs R (default 3)] [--http1]
//       [--blocking (the transport's other mode)]
// Prints objects/s for each and the ratios.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/apply/executor.h"
#include "engine/apply/kube_step_runner.h"
#include "engine/kube/cluster_clients.h"
#include "engine/kube/curl_transport.h"
#include "resources/resource.h"
#include "tests/bench/apply/bench_objects.h"
#include "tests/support/basic_waiter.h"

namespace {

using namespace meshform;
using Clock = std::chrono::steady_clock;

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double Seconds(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Applies every object of `sets` (cluster -> objects) with the executor; returns seconds.
double RunMeshform(const kube::ClusterClients& clients, const bench::ObjectSets& sets,
                   plan::Action action, int parallelism) {
  plan::Plan plan = bench::PlanOf(sets, action);
  testing::BasicWaiter waiter;
  apply::KubeRunnerOptions options;
  apply::KubeStepRunner runner(clients, plan.values, waiter, options);
  apply::Journal journal;
  apply::NullStatus status;
  auto start = Clock::now();
  apply::ExecuteOptions o;
  o.parallelism = parallelism;
  auto result = apply::Execute(plan, runner, journal, status, o);
  double s = Seconds(start);
  if (result.outcome != apply::Outcome::kSucceeded) {
    std::cerr << "meshform run failed: " << result.errors.at(0).address << ": "
              << result.errors.at(0).message << "\n";
    std::exit(1);
  }
  return s;
}

// kubectl apply --server-side, one process per cluster, all at once; returns seconds.
double RunKubectl(const std::string& kubeconfig, const bench::ObjectSets& sets,
                  const std::string& dir) {
  std::vector<std::string> commands;
  for (const auto& [cluster, objects] : sets) {
    std::string file = dir + "/kubectl-" + cluster + ".json";
    bench::WriteList(objects, file);
    commands.push_back("kubectl --kubeconfig " + kubeconfig + " --context " + cluster +
                       " apply --server-side --field-manager meshform -f " + file + " >/dev/null");
  }
  std::string all;
  for (const auto& c : commands) all += c + " & ";
  all += "wait";
  auto start = Clock::now();
  if (std::system(all.c_str()) != 0) std::exit(1);
  return Seconds(start);
}

}  // namespace

int main(int argc, char** argv) {
  int total = 2000, parallelism = 32, runs = 3;
  bool http1 = false, blocking = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--parallelism" && i + 1 < argc) {
      parallelism = std::atoi(argv[++i]);
    } else if (arg == "--http1") {
      http1 = true;
    } else if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--blocking") {
      blocking = true;
    } else {
      total = std::atoi(argv[i]);
    }
  }
  const char* kc = std::getenv("KUBECONFIG");
  const char* ctx = std::getenv("MESHFORM_TEST_CONTEXTS");
  if (!kc || !ctx) {
    std::cerr << "run inside tools/local-clusters run A B C -- ...\n";
    return 1;
  }
  std::string harness_kubeconfig = kc;
  std::vector<std::string> contexts;
  std::istringstream words(ctx);
  for (std::string w; words >> w;) contexts.push_back(w);
  if (contexts.size() < 3) return 1;
  contexts.resize(3);
  std::string dir =
      std::filesystem::temp_directory_path() / ("mf-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::string kubeconfig = bench::WriteTokenKubeconfig(harness_kubeconfig, contexts, dir);
  std::map<std::string, std::shared_ptr<kube::Client>> map;
  kube::ClientOptions client_options;
  client_options.http2 = !http1;
  for (const auto& c : contexts) {
    client_options.transport = std::make_shared<kube::CurlTransport>(
        blocking ? kube::CurlTransport::Mode::kBlocking : kube::CurlTransport::Mode::kMultiplexed);
    map[c] = kube::Client::ForContext(c, kubeconfig, client_options);
  }
  kube::ClusterClients clients(map);

  int per = total / 3;
  // Namespaces of a previous run may still be terminating: every run uses its own.
  std::string run = std::to_string(getpid());
  auto ours = bench::MakeObjects(contexts, "mf-bench-a" + run, per);
  auto theirs = bench::MakeObjects(contexts, "mf-bench-b" + run, per);
  int n = 3 * per;
  bench::CreateNamespaces(clients, ours);
  bench::CreateNamespaces(clients, theirs);

  double t_mf = RunMeshform(clients, ours, plan::Action::kCreate, parallelism);
  double t_kc = RunKubectl(kubeconfig, theirs, dir);
  // The no-op runs and the raw capacity alternate, `runs` times each, medians reported: this
  // machine is shared, and a figure taken once swings by a third from run to run.
  std::vector<double> mf_noops, kc_noops, heys;
  for (int r = 0; r < runs; ++r) {
    mf_noops.push_back(RunMeshform(clients, ours, plan::Action::kUpdate, parallelism));
    heys.push_back(bench::HeyNoOpApplyRate(harness_kubeconfig, contexts, ours, 3 * n, dir));
    kc_noops.push_back(RunKubectl(kubeconfig, theirs, dir));
  }
  double t_mf_noop = Median(mf_noops), t_kc_noop = Median(kc_noops), hey_rps = Median(heys);

  std::printf(
      "objects: %d over 3 clusters (ConfigMaps, server-side apply, parallelism %d, %s, %s "
      "transport, token credentials for all; no-op figures: medians of %d runs)\n",
      n, parallelism, http1 ? "HTTP/1.1" : "HTTP/2", blocking ? "blocking" : "multiplexed", runs);
  std::printf("create  meshform: %.2fs = %.0f obj/s   kubectl: %.2fs = %.0f obj/s   ratio %.2fx\n",
              t_mf, n / t_mf, t_kc, n / t_kc, t_kc / t_mf);
  std::printf("no-op   meshform: %.2fs = %.0f obj/s   kubectl: %.2fs = %.0f obj/s   ratio %.2fx\n",
              t_mf_noop, n / t_mf_noop, t_kc_noop, n / t_kc_noop, t_kc_noop / t_mf_noop);
  std::printf(
      "raw capacity (hey, no-op SSA, c=32 per cluster): %.0f req/s; meshform no-op at "
      "%.0f%% of it, create at %.0f%%\n",
      hey_rps, 100.0 * (n / t_mf_noop) / hey_rps, 100.0 * (n / t_mf) / hey_rps);
  bench::DeleteNamespaces(clients, ours);
  bench::DeleteNamespaces(clients, theirs);
  std::filesystem::remove_all(dir);
  return 0;
}
