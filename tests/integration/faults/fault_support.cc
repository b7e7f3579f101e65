// Fault test helpers (see fault_support.h).
#include "tests/integration/faults/fault_support.h"

#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "tests/support/clusters.h"

namespace meshform::testing {
namespace {

const std::string kHarness = MESHFORM_SOURCE_DIR "/tools/local-clusters";

std::string Env(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

std::vector<std::string> TerminatingNamespaces(kube::Client& client) {
  std::vector<std::string> out;
  for (const auto& ns : client.List("v1", "Namespace").items) {
    if (ns.value("status", nlohmann::json::object()).value("phase", "") == "Terminating") {
      out.push_back(ns["metadata"].value("name", ""));
    }
  }
  return out;
}

}  // namespace

void Apiserver(const std::string& cluster, const std::string& action) {
  auto r = RunCommand(kHarness + " apiserver " + cluster + " " + action);
  ASSERT_EQ(r.exit_code, 0) << "local-clusters apiserver " << cluster << " " << action << ": "
                            << r.err;
}

std::future<CommandResult> MeshformInBackground(const std::string& args, int timeout_seconds,
                                                const std::string& env) {
  std::string kubeconfig = TestKubeconfig();
  return std::async(std::launch::async, [=] {
    return RunCommand(env + " KUBECONFIG='" + kubeconfig + "' NO_COLOR=1 timeout -s KILL " +
                      std::to_string(timeout_seconds) + " " MESHFORM_BINARY " " + args);
  });
}

bool WaitFor(const std::function<bool()>& done, int seconds) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return done();
}

std::map<std::string, apply::testing::Snapshot> SnapshotAll(
    const std::vector<std::string>& contexts) {
  std::map<std::string, apply::testing::Snapshot> out;
  for (const auto& context : contexts) {
    auto client = kube::Client::ForContext(context, TestKubeconfig());
    // An earlier test's namespace still being deleted would be "missing" from a later snapshot.
    bool settled = WaitFor([&] { return TerminatingNamespaces(*client).empty(); }, 120);
    EXPECT_TRUE(settled) << context << ": namespaces still terminating after 120 s: "
                         << ::testing::PrintToString(TerminatingNamespaces(*client));
    out[context] = apply::testing::TakeSnapshot(*client, apply::testing::CommonKinds());
  }
  return out;
}

std::vector<std::string> DifferencesAll(const std::map<std::string, apply::testing::Snapshot>& a,
                                        const std::map<std::string, apply::testing::Snapshot>& b) {
  std::vector<std::string> out;
  for (const auto& [context, before] : a) {
    auto it = b.find(context);
    if (it == b.end()) continue;
    for (auto& line : apply::testing::Differences(before, it->second)) {
      out.push_back(context + ": " + line);
    }
  }
  return out;
}

ExtraCluster::ExtraCluster(const std::string& name, const std::string& apiserver_flags)
    : name_(name), dir_(MakeTempDir("meshform-extra-cluster")) {
  int base = std::stoi(Env("MESHFORM_CLUSTERS_BASE_PORT", "17000")) + 40;
  std::string var = "MESHFORM_CLUSTER_";
  for (char c : name) var += c == '-' ? '_' : static_cast<char>(std::toupper(c));
  env_ = "MESHFORM_CLUSTERS_DIR='" + dir_ +
         "/state' MESHFORM_CLUSTERS_BASE_PORT=" + std::to_string(base);
  auto r = RunCommand(env_ + " " + var + "_APISERVER_FLAGS='" + apiserver_flags + "' " + kHarness +
                      " up " + name);
  started_ = r.exit_code == 0;
  log_ = r.err;
}

ExtraCluster::~ExtraCluster() {
  auto r = RunCommand(env_ + " " + kHarness + " down");
  EXPECT_EQ(r.exit_code, 0) << "local-clusters down of " << name_ << ": " << r.err;
}

}  // namespace meshform::testing
