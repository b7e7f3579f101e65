// Proves the topology lock on a real API server: acquire creates the namespace and the Lease
// and release clears the holder; a second acquirer is refused with the holder's name; a
// crashed holder's lease is taken over once expired; renewal keeps a short lease alive past
// its duration; a lease taken over behind the holder's back is reported lost; of several
// threads racing, exactly one gets the lock.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "engine/state/lock.h"
#include "tests/support/clusters.h"

namespace meshform::state {
namespace {

using meshform::testing::TestContexts;
using meshform::testing::TestKubeconfig;
using meshform::testing::UniqueName;
using nlohmann::json;
using std::chrono::seconds;

class LockOnCluster : public ::testing::Test {
 protected:
  void SetUp() override {
    client = NewClient();
    ns = UniqueName("lock");  // a namespace of its own, created by the lock itself
  }
  void TearDown() override {
    kube::DeleteOptions options;
    options.ignore_not_found = true;
    client->Delete({"v1", "Namespace", "", ns}, options);
  }
  std::unique_ptr<kube::Client> NewClient() {
    return kube::Client::ForContext(TestContexts(1)[0], TestKubeconfig());
  }
  LockOptions Options(const std::string& identity, seconds duration = seconds(30)) {
    LockOptions options;
    options.topology = "seed";
    options.ns = ns;
    options.identity = identity;
    options.lease_duration = duration;
    return options;
  }
  LeaseRecord Stored() {
    return ReadLeaseRecord(
        client->Get({"coordination.k8s.io/v1", "Lease", ns, "meshform-lock-seed"}));
  }
  // Polls (real time) until `done`, for at most `limit`.
  template <typename F>
  static bool Eventually(F done, seconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return true;
  }

  std::unique_ptr<kube::Client> client;
  std::string ns;
};

TEST_F(LockOnCluster, AcquireThenRelease) {
  auto lock = TopologyLock::Acquire(*client, Options("alice@ci-7 pid 4242"));
  EXPECT_EQ(Stored().holder, "alice@ci-7 pid 4242");
  EXPECT_EQ(Stored().duration_seconds, 30);
  lock->Release();
  EXPECT_EQ(Stored().holder, "");
  EXPECT_FALSE(lock->lost());
}

TEST_F(LockOnCluster, SecondAcquirerIsRefusedWithTheHoldersName) {
  auto lock = TopologyLock::Acquire(*client, Options("alice@ci-7 pid 4242"));
  auto other = NewClient();
  try {
    TopologyLock::Acquire(*other, Options("bob@laptop pid 7"));
    ADD_FAILURE() << "expected LockHeld";
  } catch (const LockHeld& refused) {
    std::string message = refused.what();
    EXPECT_EQ(message.rfind("locked by alice@ci-7 pid 4242 since ", 0), 0u) << message;
    EXPECT_NE(message.find("(lease " + ns + "/meshform-lock-seed, expires in "), std::string::npos)
        << message;
  }
  EXPECT_EQ(Stored().holder, "alice@ci-7 pid 4242");
}

TEST_F(LockOnCluster, CrashedHoldersLeaseIsTakenOverOnceExpired) {
  client->Apply({{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", ns}}}});
  LeaseRecord crashed;
  crashed.holder = "crashed@ci pid 1";
  crashed.duration_seconds = 2;
  crashed.acquire_time = crashed.renew_time = std::chrono::system_clock::now() - seconds(3600);
  json lease = {{"apiVersion", "coordination.k8s.io/v1"},
                {"kind", "Lease"},
                {"metadata", {{"name", "meshform-lock-seed"}, {"namespace", ns}}}};
  WriteLeaseRecord(crashed, lease);
  client->Create(lease);
  EXPECT_THROW(TopologyLock::Acquire(*client, Options("bob")), LockHeld);
  LockOptions waiting = Options("bob");
  waiting.wait_timeout = seconds(10);
  waiting.retry_period = std::chrono::milliseconds(200);
  auto lock = TopologyLock::Acquire(*client, waiting);
  EXPECT_EQ(Stored().holder, "bob");
  EXPECT_EQ(Stored().transitions, 1);
}

TEST_F(LockOnCluster, RenewalKeepsAShortLeaseAlive) {
  auto lock = TopologyLock::Acquire(*client, Options("alice", seconds(2)));
  auto first = Stored();
  std::this_thread::sleep_for(seconds(5));  // more than twice the duration
  EXPECT_FALSE(lock->lost());
  EXPECT_GT(Stored().renew_time, first.renew_time);
  EXPECT_EQ(Stored().acquire_time, first.acquire_time);
  auto other = NewClient();
  EXPECT_THROW(TopologyLock::Acquire(*other, Options("bob", seconds(2))), LockHeld);
}

TEST_F(LockOnCluster, ALeaseTakenBehindTheHoldersBackIsReportedLost) {
  std::atomic<int> lost_calls{0};
  LockOptions options = Options("alice", seconds(3));
  options.on_lost = [&](const std::string&) { lost_calls++; };
  auto lock = TopologyLock::Acquire(*client, options);
  json lease = client->Get({"coordination.k8s.io/v1", "Lease", ns, "meshform-lock-seed"});
  lease["spec"]["holderIdentity"] = "intruder";
  lease["metadata"]["annotations"].erase(kLockTokenAnnotation);
  client->Replace(lease);
  EXPECT_TRUE(Eventually([&] { return lock->lost(); }, seconds(20)));
  EXPECT_EQ(lost_calls.load(), 1);
  lock->Release();
  EXPECT_EQ(Stored().holder, "intruder");  // a lost lock leaves the new holder alone
}

TEST_F(LockOnCluster, RacingThreadsGetExactlyOneLock) {
  constexpr int kThreads = 4;
  std::vector<std::unique_ptr<kube::Client>> clients;
  for (int i = 0; i < kThreads; ++i) clients.push_back(NewClient());
  std::atomic<int> winners{0}, refused{0};
  std::vector<std::unique_ptr<TopologyLock>> locks(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      try {
        locks[i] = TopologyLock::Acquire(*clients[i], Options("racer-" + std::to_string(i)));
        winners++;
      } catch (const LockHeld&) {
        refused++;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(winners.load(), 1);
  EXPECT_EQ(refused.load(), kThreads - 1);
  for (int i = 0; i < kThreads; ++i) {
    if (locks[i]) {
      EXPECT_EQ(Stored().holder, "racer-" + std::to_string(i));
    }
  }
}

}  // namespace
}  // namespace meshform::state
