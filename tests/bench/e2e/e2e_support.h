// What the whole-run benchmarks share: the meshform binary and kubectl run as a user runs them,
// timed (wall time and the peak memory of the process tree), the rendered objects kubectl
// applies in meshform's place, and reading meshform's own phase timings from its output.
#pragma once

#include <string>
#include <vector>

#include "tests/support/commands.h"

namespace meshform::bench {

using meshform::testing::CommandResult;

// Exits the benchmark, printing the command's output, when it did not exit with one of `ok`.
void Check(const CommandResult& r, const std::string& what, std::vector<int> ok = {0});

struct Measured {
  CommandResult result;
  double seconds = 0;
  long peak_rss_kib = 0;  // the largest resident set of the command and its children
};

// `meshform ARGS` (the build's binary, KUBECONFIG from the harness), timed.
Measured MeasureMeshform(const std::string& args);

// The rendered objects kubectl can apply as they are (`meshform render -d RENDERED`), copied to
// OUT/first/<cluster> (CRDs and Namespaces) and OUT/then/<cluster> (the rest): kubectl applies
// in two passes, as it must. Objects holding a value known only after apply and meshform's own
// state are left out. Returns how many objects were copied.
int CopyForKubectl(const std::string& rendered, const std::string& out);

// The controllers' floor's objects: the workloads' Deployments of KUBECTL/then/<cluster> (not
// istio-system's: those need the control plane's ServiceAccounts and Secrets), copied to
// OUT/<cluster>. Returns the namespaces they live in.
std::vector<std::string> CopyDeployments(const std::string& kubectl_dir, const std::string& out);

// A shell command that runs `kubectl ARGS` for every context at once and fails when one fails
// (every "{context}" in ARGS is replaced by the context's name). Exit codes in `ok` count as
// success (kubectl diff exits 1 when it found differences).
std::string EachCluster(const std::vector<std::string>& contexts, const std::string& args,
                        std::vector<int> ok = {0});

// The milliseconds meshform's `-v` output reports for a phase ("phase: NAME 12.3 ms"), summed
// over its occurrences; 0 when it is not there.
double PhaseMillis(const std::string& verbose_output, const std::string& phase);

// "Timings: ..." from meshform apply's or destroy's output (empty when it is not there).
std::string TimingsLine(const std::string& output);

// What the three-cluster benchmarks start from: `bench [WORKLOADS=100] [RUNS=default_runs]`, the
// first three local clusters, a fresh folder and in it topology.yaml, a generated topology
// named `name` of WORKLOADS workloads over those clusters.
struct Setup {
  int workloads = 100;
  int runs = 3;
  std::vector<std::string> contexts;
  std::string dir, file;
};
Setup SetUp(int argc, char** argv, const std::string& name, int default_runs);

// The local clusters' contexts (MESHFORM_TEST_CONTEXTS); exits naming the harness when fewer
// than `count`.
std::vector<std::string> Contexts(size_t count);

}  // namespace meshform::bench
