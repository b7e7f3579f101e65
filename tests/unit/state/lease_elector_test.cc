// Proves the election round against a stateful fake server and a fake clock: create (with
// the namespace), refusal while another holder is valid by local observation, takeover once
// expired, renewal, release, and the races (AlreadyExists, Conflict); a renewal round that
// never re-creates or re-takes a lease that was deleted, released or taken over.
#include "engine/state/lease_elector.h"

#include <gtest/gtest.h>

#include "tests/unit/state/fake_lease_server.h"

namespace meshform::state {
namespace {

using std::chrono::seconds;

class LeaseElectorTest : public ::testing::Test {
 protected:
  ElectorConfig Config(const std::string& identity, const std::string& token) {
    return {"meshform-system", "meshform-lock-t", identity, token, seconds(10), &server.clock()};
  }
  LeaseRecord Stored() {
    return ReadLeaseRecord(server.Lease("meshform-system", "meshform-lock-t"));
  }

  testing::FakeLeaseServer server;
  std::unique_ptr<kube::Client> client_a = server.NewClient();
  std::unique_ptr<kube::Client> client_b = server.NewClient();
  LeaseElector alice{*client_a, Config("alice", "ta")};
  LeaseElector bob{*client_b, Config("bob", "tb")};
};

TEST_F(LeaseElectorTest, CreatesTheNamespaceAndTheLease) {
  EXPECT_TRUE(alice.TryAcquireOrRenew());
  EXPECT_TRUE(server.HasNamespace("meshform-system"));
  EXPECT_EQ(Stored().holder, "alice");
  EXPECT_EQ(Stored().duration_seconds, 10);
}

TEST_F(LeaseElectorTest, AnotherHolderIsRefusedWhileTheLeaseIsValid) {
  ASSERT_TRUE(alice.TryAcquireOrRenew());
  EXPECT_FALSE(bob.TryAcquireOrRenew());
  ASSERT_TRUE(bob.observed().has_value());
  EXPECT_EQ(bob.observed()->holder, "alice");
  EXPECT_EQ(bob.RemainingValidity(), seconds(10));
  server.clock().Advance(seconds(9));
  EXPECT_FALSE(bob.TryAcquireOrRenew());
  EXPECT_EQ(bob.RemainingValidity(), seconds(1));
}

TEST_F(LeaseElectorTest, TakesOverOnceExpiredByLocalObservation) {
  ASSERT_TRUE(alice.TryAcquireOrRenew());
  EXPECT_FALSE(bob.TryAcquireOrRenew());
  server.clock().Advance(seconds(11));
  EXPECT_TRUE(bob.TryAcquireOrRenew());
  EXPECT_EQ(Stored().holder, "bob");
  EXPECT_EQ(Stored().transitions, 1);
}

TEST_F(LeaseElectorTest, AStaleRenewTimeAloneDoesNotExpireAFreshObservation) {
  ASSERT_TRUE(alice.TryAcquireOrRenew());
  server.clock().Advance(seconds(60));    // alice's renewTime is now old by the wall clock
  EXPECT_FALSE(bob.TryAcquireOrRenew());  // but bob has only just seen the record
  server.clock().Advance(seconds(10));
  EXPECT_TRUE(bob.TryAcquireOrRenew());
}

TEST_F(LeaseElectorTest, RenewalResetsTheOtherHoldersCountdown) {
  ASSERT_TRUE(alice.TryAcquireOrRenew());
  EXPECT_FALSE(bob.TryAcquireOrRenew());
  server.clock().Advance(seconds(6));
  ASSERT_TRUE(alice.TryAcquireOrRenew());  // renews: the record changes
  EXPECT_FALSE(bob.TryAcquireOrRenew());
  server.clock().Advance(seconds(6));
  EXPECT_FALSE(bob.TryAcquireOrRenew());  // 6 s since bob saw the change, not 12
  EXPECT_EQ(Stored().transitions, 0);
}

TEST_F(LeaseElectorTest, SameIdentityWithAnotherTokenIsAnotherHolder) {
  LeaseElector twin(*client_b, Config("alice", "other"));
  ASSERT_TRUE(alice.TryAcquireOrRenew());
  EXPECT_FALSE(twin.TryAcquireOrRenew());
}

TEST_F(LeaseElectorTest, ReleaseLetsTheNextHolderInAtOnce) {
  ASSERT_TRUE(alice.TryAcquireOrRenew());
  EXPECT_FALSE(bob.TryAcquireOrRenew());
  alice.Release();
  EXPECT_EQ(Stored().holder, "");
  EXPECT_EQ(Stored().duration_seconds, 1);
  EXPECT_TRUE(bob.TryAcquireOrRenew());
}

TEST_F(LeaseElectorTest, ReleaseLeavesAnotherHoldersLeaseAlone) {
  ASSERT_TRUE(alice.TryAcquireOrRenew());
  bob.Release();
  EXPECT_EQ(Stored().holder, "alice");
}

TEST_F(LeaseElectorTest, AConcurrentWriterMakesTheRoundFail) {
  ASSERT_TRUE(alice.TryAcquireOrRenew());
  alice.Release();
  server.FailNextUpdate();
  EXPECT_FALSE(bob.TryAcquireOrRenew());
  EXPECT_TRUE(bob.TryAcquireOrRenew());
}

TEST_F(LeaseElectorTest, LosingTheCreateRaceIsARefusal) {
  LeaseRecord record;
  record.holder = "carol";
  record.duration_seconds = 10;
  nlohmann::json lease = {
      {"apiVersion", "coordination.k8s.io/v1"},
      {"kind", "Lease"},
      {"metadata", {{"name", "meshform-lock-t"}, {"namespace", "meshform-system"}}}};
  WriteLeaseRecord(record, lease);
  server.PutLease(lease);
  EXPECT_FALSE(alice.TryAcquireOrRenew());
  EXPECT_EQ(alice.observed()->holder, "carol");
}

TEST_F(LeaseElectorTest, RenewRenewsOnlyItsOwnRecord) {
  ASSERT_TRUE(alice.TryAcquireOrRenew());
  auto before = Stored().renew_time;
  server.clock().Advance(seconds(2));
  EXPECT_EQ(alice.Renew(), LeaseElector::Renewal::kRenewed);
  EXPECT_NE(Stored().renew_time, before);
  server.FailNextUpdate();
  EXPECT_EQ(alice.Renew(), LeaseElector::Renewal::kRaced);
}

TEST_F(LeaseElectorTest, RenewNeverRecreatesADeletedLease) {
  ASSERT_TRUE(alice.TryAcquireOrRenew());
  server.DeleteLease("meshform-system", "meshform-lock-t");
  EXPECT_EQ(alice.Renew(), LeaseElector::Renewal::kLost);
  EXPECT_FALSE(alice.observed().has_value());
  EXPECT_TRUE(server.Lease("meshform-system", "meshform-lock-t").is_null());
}

TEST_F(LeaseElectorTest, RenewNeverTakesBackAReleasedOrTakenLease) {
  ASSERT_TRUE(alice.TryAcquireOrRenew());
  LeaseElector(*client_b, Config("alice", "ta")).Release();  // someone clears it in alice's name
  EXPECT_EQ(alice.Renew(), LeaseElector::Renewal::kLost);
  EXPECT_EQ(Stored().holder, "");
  ASSERT_TRUE(bob.TryAcquireOrRenew());
  EXPECT_EQ(alice.Renew(), LeaseElector::Renewal::kLost);
  EXPECT_EQ(alice.observed()->holder, "bob");
  EXPECT_EQ(Stored().holder, "bob");
}

}  // namespace
}  // namespace meshform::state
