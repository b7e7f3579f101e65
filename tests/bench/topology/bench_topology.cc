// Benchmark (a program, not a test): generates topologies of about N resources (clusters ×
// workloads, direct placement, every workload on every cluster) and prints the time to load,
// compile and build the graph, and the peak memory. Each size runs in its own child process so
// that peak RSS (getrusage) is per size. The Istio renderer is a fake returning a fixed set, so
// the figures measure meshform, not bash.
//
//   bench_topology [N ...]        default: 10000 100000
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "engine/topology/loader.h"
#include "engine/util/subprocess.h"
#include "resources/compile.h"
#include "resources/graph_nodes.h"

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kClusters = 50;

class FakeRenderer : public meshform::util::ProcessRunner {
 public:
  meshform::util::ProcessResult Run(const meshform::util::ProcessRequest&) override {
    std::string out;
    for (const char* kind : {"Gateway", "VirtualService", "DestinationRule"})
      out += std::string(
                 "---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n") +
             "metadata: {name: " + kind +
             "s.networking.istio.io}\nspec: {group: networking.istio.io, "
             "names: {kind: " +
             kind + "}}\n";
    out +=
        "---\napiVersion: admissionregistration.k8s.io/v1\nkind: MutatingWebhookConfiguration\n"
        "metadata: {name: istio-sidecar-injector}\n";
    for (const char* name : {"istiod", "istio-ingressgateway"})
      out += std::string("---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ") + name +
             ", namespace: istio-system}\nspec: {template: {spec: {volumes: [{name: c, secret: "
             "{secretName: cacerts}}]}}}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: " +
             name + ", namespace: istio-system}\n";
    return meshform::util::ProcessResult::Exited(0, out, "");
  }
};

std::string GenerateTopology(int workloads) {
  std::string y =
      "apiVersion: meshform.io/v1alpha1\nkind: Topology\nmetadata: {name: bench}\nclusters:\n";
  std::string placement;
  for (int c = 0; c < kClusters; ++c) {
    std::string name = "cluster-" + std::to_string(c);
    y += "  - {name: " + name + ", context: " + name + ", network: net" + std::to_string(c % 5) +
         ", role: " + (c == 0 ? "primary" : "remote") + "}\n";
    placement += (c ? ", " : "") + name;
  }
  y += "networks:\n";
  for (int n = 0; n < 5; ++n) y += "  - {name: net" + std::to_string(n) + "}\n";
  y += "mesh:\n  id: mesh1\n  controlPlane: {mode: primary-remote, cluster: cluster-0}\n"
       "  renderer: {command: [istio-renderer]}\nfederation: {type: direct, host: cluster-0}\n"
       "workloads:\n";
  for (int w = 0; w < workloads; ++w)
    y += "  - {name: app-" + std::to_string(w) + ", namespace: ns-" + std::to_string(w % 10) +
         ", image: example/app:1, placement: [" + placement +
         "], ports: [{name: http, port: 8080}], labels: {version: v1}}\n";
  return y;
}

// Wall and CPU (this process, user + system) seconds since a mark: the machine may be shared,
// so CPU time is the figure that measures meshform.
struct Mark {
  Clock::time_point wall = Clock::now();
  double cpu = CpuSeconds();
  static double CpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
  }
};
struct Span {
  double wall, cpu;
};
Span Since(const Mark& m) {
  return {std::chrono::duration<double>(Clock::now() - m.wall).count(), Mark::CpuSeconds() - m.cpu};
}

void RunOne(int target) {
  int workloads = target / (2 * kClusters);
  auto path = std::filesystem::temp_directory_path() /
              ("meshform-bench-" + std::to_string(getpid()) + ".yaml");
  std::ofstream(path) << GenerateTopology(workloads);
  Mark mark;
  auto topology = meshform::topology::LoadTopologyFile(path.string());
  Span load = Since(mark);
  FakeRenderer renderer;
  mark = Mark();
  auto set = meshform::resources::Compile(topology, renderer);
  Span compile = Since(mark);
  mark = Mark();
  auto graph = meshform::resources::BuildGraph(set);
  auto order = graph.TopologicalOrder();
  Span graph_time = Since(mark);
  if (order.size() != set.size()) std::abort();
  std::filesystem::remove(path);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf(
      "target %d: %d clusters x %d workloads: %zu resources, %zu edges, peak RSS %.1f MiB\n",
      target, kClusters, workloads, set.size(), graph.edge_count(), usage.ru_maxrss / 1024.0);
  std::printf(
      "  seconds cpu/wall: load %.3f/%.3f compile %.3f/%.3f graph %.3f/%.3f total %.3f/%.3f\n",
      load.cpu, load.wall, compile.cpu, compile.wall, graph_time.cpu, graph_time.wall,
      load.cpu + compile.cpu + graph_time.cpu, load.wall + compile.wall + graph_time.wall);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::stoi(argv[i]));
  if (sizes.empty()) sizes = {10000, 100000};
  for (int size : sizes) {
    pid_t pid = fork();
    if (pid == 0) {
      RunOne(size);
      _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return 1;
  }
  return 0;
}
