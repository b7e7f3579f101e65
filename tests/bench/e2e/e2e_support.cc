#include "tests/bench/e2e/e2e_support.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>

#include "tests/support/clusters.h"
#include "tests/support/topology_gen.h"

namespace meshform::bench {
namespace {

namespace fs = std::filesystem;
using meshform::testing::ReadFile;

bool Contains(const std::vector<int>& codes, int code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace

void Check(const CommandResult& r, const std::string& what, std::vector<int> ok) {
  if (Contains(ok, r.exit_code)) return;
  std::cerr << what << " failed (exit " << r.exit_code << "):\n" << r.out << r.err << "\n";
  std::exit(1);
}

Measured MeasureMeshform(const std::string& args) {
#ifndef MESHFORM_BINARY
#error "MESHFORM_BINARY must name the meshform executable"
#endif
  std::string dir = meshform::testing::MakeTempDir("meshform-bench-run");
  std::string out = dir + "/out", err = dir + "/err";
  std::string command = "KUBECONFIG='" + meshform::testing::TestKubeconfig() +
                        "' NO_COLOR=1 exec " MESHFORM_BINARY " " + args + " </dev/null >'" + out +
                        "' 2>'" + err + "'";
  Measured m;
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (pid < 0 || wait4(pid, &status, 0, &usage) != pid) {
    std::cerr << "cannot run meshform " << args << "\n";
    std::exit(1);
  }
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  m.peak_rss_kib = usage.ru_maxrss;  // of the child, including the children it waited for
  m.result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  m.result.out = ReadFile(out);
  m.result.err = ReadFile(err);
  fs::remove_all(dir);
  return m;
}

int CopyForKubectl(const std::string& rendered, const std::string& out) {
  int kept = 0;
  for (const auto& cluster : fs::directory_iterator(rendered)) {
    if (!cluster.is_directory() || cluster.path().filename() == "gitops") continue;
    for (const char* pass : {"first", "then"})
      fs::create_directories(fs::path(out) / pass / cluster.path().filename());
    for (const auto& f : fs::directory_iterator(cluster.path())) {
      if (f.path().extension() != ".yaml" || f.path().filename() == "kustomization.yaml") continue;
      std::string text = ReadFile(f.path());
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

std::vector<std::string> CopyDeployments(const std::string& kubectl_dir, const std::string& out) {
  std::set<std::string> namespaces;
  for (const auto& cluster : fs::directory_iterator(fs::path(kubectl_dir) / "then")) {
    fs::create_directories(fs::path(out) / cluster.path().filename());
    for (const auto& f : fs::directory_iterator(cluster.path())) {
      std::string text = ReadFile(f.path());
      if (text.find("kind: Deployment\n") == std::string::npos) continue;
      auto at = text.find("\n  namespace: ");
      if (at == std::string::npos) continue;
      at += 14;
      std::string ns = text.substr(at, text.find('\n', at) - at);
      if (ns == "istio-system") continue;  // the control plane's: needs its accounts and Secrets
      namespaces.insert(ns);
      fs::copy_file(f.path(), fs::path(out) / cluster.path().filename() / f.path().filename());
    }
  }
  return {namespaces.begin(), namespaces.end()};
}

std::string EachCluster(const std::vector<std::string>& contexts, const std::string& args,
                        std::vector<int> ok) {
  std::string kubeconfig = meshform::testing::TestKubeconfig();
  std::string accepted;
  for (int code : ok) accepted += (accepted.empty() ? "" : "|") + std::to_string(code);
  std::string cmd = "pids=''; ";
  for (const auto& c : contexts) {
    std::string a = args;
    for (auto at = a.find("{context}"); at != std::string::npos; at = a.find("{context}"))
      a.replace(at, 9, c);
    cmd += "kubectl --kubeconfig " + kubeconfig + " --context " + c + " " + a +
           " >/dev/null & pids=\"$pids $!\"; ";
  }
  return cmd + "failed=0; for p in $pids; do wait $p; case $? in " + accepted +
         ") ;; *) failed=1 ;; esac; done; exit $failed";
}

double PhaseMillis(const std::string& verbose_output, const std::string& phase) {
  double total = 0;
  std::string key = "phase: " + phase + " ";
  for (size_t at = verbose_output.find(key); at != std::string::npos;
       at = verbose_output.find(key, at + 1)) {
    total += std::strtod(verbose_output.c_str() + at + key.size(), nullptr);
  }
  return total;
}

std::string TimingsLine(const std::string& output) {
  auto at = output.find("Timings: ");
  if (at == std::string::npos) return "";
  return output.substr(at, output.find('\n', at) - at);
}

std::vector<std::string> Contexts(size_t count) {
  try {
    return meshform::testing::TestContexts(count);
  } catch (const std::exception& e) {
    std::cerr << e.what() << " (run under tools/local-clusters run NAME... -- ...)\n";
    std::exit(2);
  }
}

Setup SetUp(int argc, char** argv, const std::string& name, int default_runs) {
  Setup s;
  s.workloads = argc > 1 ? std::stoi(argv[1]) : 100;
  s.runs = argc > 2 ? std::stoi(argv[2]) : default_runs;
  s.contexts = Contexts(3);
  s.contexts.resize(3);
  s.dir = meshform::testing::MakeTempDir("meshform-" + name);
  s.file = s.dir + "/topology.yaml";
  meshform::testing::WriteFile(s.file,
                               meshform::testing::GeneratedTopology(name, s.workloads, s.contexts));
  return s;
}

}  // namespace meshform::bench
