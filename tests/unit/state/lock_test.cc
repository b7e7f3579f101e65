// Proves TopologyLock's acquire paths on the fake server: the refusal message names the
// holder, since when and the lease; waiting for the lock takes over an expired one; release
// clears the holder; a Lease deleted under a running lock makes it lost, and is not re-created.
#include "engine/state/lock.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <condition_variable>
#include <mutex>

#include "tests/unit/state/fake_lease_server.h"

namespace meshform::state {
namespace {

using std::chrono::seconds;

LockOptions Options(testing::FakeLeaseServer& server, const std::string& identity) {
  LockOptions options;
  options.topology = "seed";
  options.identity = identity;
  options.lease_duration = seconds(12);
  options.clock = &server.clock();
  return options;
}

TEST(TopologyLock, RefusalNamesHolderSinceAndLease) {
  testing::FakeLeaseServer server;
  auto client = server.NewClient();
  auto held = TopologyLock::Acquire(*client, Options(server, "alice@ci-7 pid 4242"));
  std::string since = FormatSeconds(server.clock().WallNow());
  try {
    TopologyLock::Acquire(*client, Options(server, "bob@laptop pid 7"));
    FAIL() << "expected LockHeld";
  } catch (const LockHeld& refused) {
    EXPECT_EQ(std::string(refused.what()),
              "locked by alice@ci-7 pid 4242 since " + since +
                  " (lease meshform-system/meshform-lock-seed, expires in 12s)");
    EXPECT_EQ(refused.holder(), "alice@ci-7 pid 4242");
  }
}

TEST(TopologyLock, WaitingTakesOverAnExpiredLease) {
  testing::FakeLeaseServer server;
  auto client = server.NewClient();
  LeaseRecord crashed;
  crashed.holder = "crashed@ci pid 1";
  crashed.duration_seconds = 3;
  nlohmann::json lease = {
      {"apiVersion", "coordination.k8s.io/v1"},
      {"kind", "Lease"},
      {"metadata", {{"name", "meshform-lock-seed"}, {"namespace", "meshform-system"}}}};
  WriteLeaseRecord(crashed, lease);
  server.PutLease(lease);
  LockOptions options = Options(server, "bob");
  options.wait_timeout = seconds(5);
  auto lock = TopologyLock::Acquire(*client, options);
  EXPECT_EQ(ReadLeaseRecord(server.Lease("meshform-system", "meshform-lock-seed")).holder, "bob");
  lock->Release();
  EXPECT_EQ(ReadLeaseRecord(server.Lease("meshform-system", "meshform-lock-seed")).holder, "");
  EXPECT_FALSE(lock->lost());
}

TEST(TopologyLock, ALeaseDeletedWhileHeldIsLostNotRecreated) {
  testing::FakeLeaseServer server;
  auto client = server.NewClient();
  std::mutex mu;
  std::condition_variable cv;
  std::string why;
  LockOptions options = Options(server, "alice");
  options.lease_duration = seconds(3);  // renewed every second
  options.on_lost = [&](const std::string& reason) {
    std::lock_guard guard(mu);
    why = reason;
    cv.notify_all();
  };
  auto lock = TopologyLock::Acquire(*client, options);
  server.DeleteLease("meshform-system", "meshform-lock-seed");
  {
    std::unique_lock guard(mu);
    ASSERT_TRUE(cv.wait_for(guard, seconds(30), [&] { return !why.empty(); }))
        << "the renewer did not notice the deleted lease";
  }
  EXPECT_TRUE(lock->lost());
  EXPECT_NE(why.find("deleted"), std::string::npos) << why;
  lock->Release();
  EXPECT_TRUE(server.Lease("meshform-system", "meshform-lock-seed").is_null());
}

TEST(TopologyLock, DefaultIdentityNamesUserHostAndPid) {
  std::string identity = DefaultLockIdentity();
  EXPECT_NE(identity.find('@'), std::string::npos);
  EXPECT_NE(identity.find(" pid " + std::to_string(getpid())), std::string::npos);
}

}  // namespace
}  // namespace meshform::state
