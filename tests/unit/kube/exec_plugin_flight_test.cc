// Proves the exec credential plugin's timeout and single flight with real shell scripts: a hung
// plugin is killed after ClientOptions::exec_timeout with an error naming the cluster, the
// command and the timeout; while one key's plugin hangs, a request on another key completes;
// concurrent requests on one key run the plugin once and share its credential. Order is
// observed through files the scripts write, never through wall time.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "engine/kube/errors.h"
#include "engine/kube/exec_plugin.h"
#include "tests/support/fake_clock.h"
#include "tests/unit/kube/fake_api.h"
#include "tests/unit/kube/temp_dir.h"

namespace meshform::kube {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

constexpr const char* kV1 = "client.authentication.k8s.io/v1";

// Polls `done` until it holds; false when it still does not after a minute (a bound for a
// broken implementation, not a timing assertion).
bool Eventually(const std::function<bool()>& done) {
  for (int i = 0; i < 6000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return done();
}

size_t LineCount(const std::string& path) {
  std::ifstream in(path);
  size_t lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  return lines;
}

ClusterConfig WithPlugin(const std::string& context, const std::string& command) {
  ClusterConfig config = testing::FakeConfig();
  config.context = context;
  config.token.clear();
  config.exec = ExecConfig{command, {}, {}, kV1, "", false, "Never"};
  return config;
}

// A plugin that appends a line to <dir>/runs, touches <dir>/<name>.started, waits (at most
// 20 s) for <dir>/release, touches <dir>/<name>.finished and prints the token `tok-<name>`.
std::string GatedPlugin(const TempDir& dir, const std::string& name) {
  const std::string d = "\"" + dir.path() + "/";
  return dir.Write(name + ".sh",
                   "#!/bin/sh\n"
                   "echo run >> " +
                       d + "runs\"\n" + "touch " + d + name + ".started\"\n" +
                       "i=0\n"
                       "while [ ! -e " +
                       d + "release\" ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done\n" +
                       "touch " + d + name + ".finished\"\n" + "echo '{\"apiVersion\":\"" + kV1 +
                       "\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"tok-" + name +
                       "\"}}'\n",
                   true);
}

// A plugin that prints the token `tok-<name>` at once.
std::string TokenPlugin(const TempDir& dir, const std::string& name) {
  return dir.Write(name + ".sh",
                   "#!/bin/sh\necho '{\"apiVersion\":\"" + std::string(kV1) +
                       "\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"tok-" + name +
                       "\"}}'\n",
                   true);
}

TEST(KubeExecPluginFlightTest, HungPluginIsKilledAfterTheTimeoutWithAClearError) {
  TempDir dir;
  std::string plugin =
      dir.Write("hung.sh", "#!/bin/sh\necho waiting for a browser >&2\nsleep 30\n", true);
  auto transport = std::make_shared<FakeTransport>();
  transport->SetHandler([](const HttpRequest&) { return FakeTransport::Json(200, "{}"); });
  ClientOptions options;
  options.transport = transport;
  FakeClock clock;
  options.clock = &clock;
  options.exec_timeout = std::chrono::milliseconds(300);
  Client client(WithPlugin("beijing", plugin), options);
  try {
    client.Raw({"GET", "/version", "", "", {}, {}});
    FAIL() << "expected a CredentialError";
  } catch (const CredentialError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("beijing"), std::string::npos) << what;
    EXPECT_NE(what.find("exec credential plugin " + plugin), std::string::npos) << what;
    EXPECT_NE(what.find("timed out after 0.3 s and was killed: waiting for a browser"),
              std::string::npos)
        << what;
  }
  EXPECT_EQ(transport->RequestCount(), 0u) << "no request without a credential";
}

TEST(KubeExecPluginFlightTest, AnotherKeyCompletesWhileOnePluginHangs) {
  TempDir dir;
  ClusterConfig slow = WithPlugin("beijing", GatedPlugin(dir, "slow"));
  ClusterConfig fast = WithPlugin("shanghai", TokenPlugin(dir, "fast"));
  FakeClock clock;
  auto& cache = ExecCredentialCache::Instance();
  std::string slow_token;
  std::thread hung([&] { slow_token = cache.Get(*slow.exec, slow, clock).token; });
  ASSERT_TRUE(Eventually([&] { return fs::exists(dir.path() + "/slow.started"); }));

  EXPECT_EQ(cache.Get(*fast.exec, fast, clock).token, "tok-fast");
  // The slow plugin cannot have finished: nothing released it yet.
  EXPECT_FALSE(fs::exists(dir.path() + "/slow.finished"))
      << "the other key waited for the hung plugin";

  dir.Write("release", "");
  hung.join();
  EXPECT_EQ(slow_token, "tok-slow");
}

TEST(KubeExecPluginFlightTest, ConcurrentRequestsOnOneKeyRunThePluginOnce) {
  TempDir dir;
  ClusterConfig config = WithPlugin("beijing", GatedPlugin(dir, "shared"));
  FakeClock clock;
  auto& cache = ExecCredentialCache::Instance();
  constexpr int kCallers = 8;
  std::vector<std::string> tokens(kCallers);
  std::vector<std::thread> callers;
  for (int i = 0; i < kCallers; ++i) {
    callers.emplace_back([&, i] { tokens[i] = cache.Get(*config.exec, config, clock).token; });
  }
  // Every caller is inside Get at once: one runs the plugin, the others wait for it.
  bool all_in = Eventually([&] {
    return fs::exists(dir.path() + "/shared.started") &&
           cache.Waiting(*config.exec, config) == kCallers - 1;
  });
  dir.Write("release", "");
  for (auto& t : callers) t.join();
  ASSERT_TRUE(all_in) << "waiting callers: " << cache.Waiting(*config.exec, config);
  EXPECT_EQ(LineCount(dir.path() + "/runs"), 1u);
  for (const auto& token : tokens) EXPECT_EQ(token, "tok-shared");
}

TEST(KubeExecPluginFlightTest, AFailureIsNotCachedTheNextCallRunsAgain) {
  TempDir dir;
  std::string plugin =
      dir.Write("once.sh", "#!/bin/sh\necho run >> \"" + dir.path() + "/runs\"\nsleep 30\n", true);
  ClusterConfig config = WithPlugin("beijing", plugin);
  FakeClock clock;
  auto& cache = ExecCredentialCache::Instance();
  auto timeout = std::chrono::milliseconds(200);
  EXPECT_THROW(cache.Get(*config.exec, config, clock, timeout), CredentialError);
  EXPECT_THROW(cache.Get(*config.exec, config, clock, timeout), CredentialError);
  EXPECT_EQ(LineCount(dir.path() + "/runs"), 2u) << "a failure is not cached";
}

}  // namespace
}  // namespace meshform::kube
