// Benchmark of the Kubernetes client against one real API server: requests per second for GET
// and server-side apply at concurrency 1, 8 and 32 (one shared Client, as the apply executor
// uses it), with latency percentiles.
//
//   kube_bench [--context NAME] [--kubeconfig PATH] [--seconds S] [--qps Q --burst B (default: no
//   limit; -1: the client's default)]
//              [--http1 true]
//
// It creates a namespace meshform-bench-<pid> with ConfigMaps and deletes it at the end.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "engine/kube/client.h"

namespace {

using meshform::kube::Client;
using meshform::kube::json;
using Clock = std::chrono::steady_clock;

struct Flags {
  std::string context, kubeconfig;
  double seconds = 3;
  double qps = 0;  // 0: no client-side limit (measure client and server); -1: client default
  int burst = 0;
  bool http1 = false;
};

Flags Parse(int argc, char** argv) {
  Flags f;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--context")
      f.context = v;
    else if (k == "--kubeconfig")
      f.kubeconfig = v;
    else if (k == "--seconds")
      f.seconds = std::stod(v);
    else if (k == "--qps")
      f.qps = std::stod(v);
    else if (k == "--burst")
      f.burst = std::stoi(v);
    else if (k == "--http1")
      f.http1 = v == "true";
    else
      throw std::runtime_error("unknown flag " + k);
  }
  return f;
}

json ConfigMap(const std::string& ns, const std::string& name, const std::string& value) {
  return {{"apiVersion", "v1"},
          {"kind", "ConfigMap"},
          {"metadata", {{"name", name}, {"namespace", ns}, {"labels", {{"bench", "meshform"}}}}},
          {"data", {{"value", value}, {"padding", std::string(200, 'x')}}}};
}

struct Result {
  long requests = 0;
  double seconds = 0;
  std::vector<double> latencies_ms;
};

// Runs `op(thread, iteration)` from `threads` threads for `seconds`.
template <typename Op>
Result Run(int threads, double seconds, Op op) {
  std::atomic<bool> stop{false};
  std::vector<std::vector<double>> lat(threads);
  std::vector<std::thread> pool;
  auto start = Clock::now();
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (long i = 0; !stop; ++i) {
        auto s = Clock::now();
        op(t, i);
        lat[t].push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& th : pool) th.join();
  Result r;
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  for (auto& l : lat) r.latencies_ms.insert(r.latencies_ms.end(), l.begin(), l.end());
  r.requests = static_cast<long>(r.latencies_ms.size());
  std::sort(r.latencies_ms.begin(), r.latencies_ms.end());
  return r;
}

// Runs op(0..count-1) on `threads` threads; returns the wall time in seconds.
template <typename Op>
double Batch(int threads, int count, Op op) {
  std::atomic<int> next{0};
  std::vector<std::thread> pool;
  auto start = Clock::now();
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (int i = next++; i < count; i = next++) op(i);
    });
  }
  for (auto& th : pool) th.join();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  return sorted[std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()))];
}

void Print(const std::string& op, int concurrency, const Result& r) {
  std::printf("%-22s %11d %9ld %10.1f %9.2f %9.2f %9.2f\n", op.c_str(), concurrency, r.requests,
              r.requests / r.seconds, Percentile(r.latencies_ms, 0.5),
              Percentile(r.latencies_ms, 0.9), Percentile(r.latencies_ms, 0.99));
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  spdlog::set_level(spdlog::level::warn);
  Flags flags = Parse(argc, argv);
  meshform::kube::ClientOptions options;
  if (flags.qps >= 0) {
    options.rate_limit = {flags.qps, flags.burst > 0 ? flags.burst : static_cast<int>(flags.qps)};
  }
  options.http2 = !flags.http1;
  auto client = Client::ForContext(flags.context, flags.kubeconfig, options);
  std::string ns = "meshform-bench-" + std::to_string(getpid());
  client->Apply({{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", ns}}}});
  client->Apply(ConfigMap(ns, "target", "0"));
  std::printf("cluster %s, %.0f s per case, HTTP/%s, client rate limit %s\n",
              client->cluster().c_str(), flags.seconds, flags.http1 ? "1.1" : "2",
              options.rate_limit.qps > 0
                  ? (std::to_string(static_cast<int>(options.rate_limit.qps)) + " qps / burst " +
                     std::to_string(options.rate_limit.burst))
                        .c_str()
                  : "off");
  std::printf("%-22s %11s %9s %10s %9s %9s %9s\n", "operation", "concurrency", "requests", "req/s",
              "p50 ms", "p90 ms", "p99 ms");
  for (int c : {1, 8, 32}) {
    Print("GET configmap", c, Run(c, flags.seconds, [&](int, long) {
            client->Get({"v1", "ConfigMap", ns, "target"});
          }));
  }
  for (int c : {1, 8, 32}) {
    // Each thread applies its own ConfigMaps with a changing value: every apply is a real write.
    Print("server-side apply", c, Run(c, flags.seconds, [&](int t, long i) {
            client->Apply(ConfigMap(ns, "cm-" + std::to_string(t) + "-" + std::to_string(i % 20),
                                    std::to_string(i)));
          }));
  }
  for (int c : {1, 8, 32}) {
    Print("server-side apply noop", c, Run(c, flags.seconds, [&](int t, long) {
            client->Apply(ConfigMap(ns, "cm-" + std::to_string(t) + "-0", "same"));
          }));
  }
  // The peer comparison of notes/real-clusters.md: 500 ConfigMaps of about 250 bytes created by
  // server-side apply, then re-applied unchanged (kubectl apply --server-side -f does it serially).
  std::printf("\n%-34s %11s %9s %10s\n", "batch of 500 ConfigMaps", "concurrency", "seconds",
              "objects/s");
  for (int c : {1, 8, 32}) {
    std::string prefix = "batch" + std::to_string(c) + "-";
    for (const char* phase : {"create (server-side apply)", "re-apply, no change"}) {
      double s = Batch(
          c, 500, [&](int i) { client->Apply(ConfigMap(ns, prefix + std::to_string(i), "v")); });
      std::printf("%-34s %11d %9.2f %10.1f\n", phase, c, s, 500 / s);
    }
  }
  client->Delete({"v1", "Namespace", "", ns});
  return 0;
}
