// Proves: AssessIntermediate reuses a sound cacerts Secret and otherwise names the reason to
// reissue: missing/unparsable keys, not a CA, a different root, expiry, near expiry against the
// threshold, a mismatched key, a wrong root-cert.pem, a bad cert-chain.pem.
#include "engine/pki/assess.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/pki/error.h"
#include "tests/unit/pki/pki_test_util.h"

namespace meshform::pki {
namespace {

using std::chrono::days;
using std::chrono::hours;
using ::testing::HasSubstr;
using testing::Now;
using ::testing::StartsWith;
using testing::TestIntermediate;
using testing::TestRoot;

constexpr days kThreshold{30};

CacertsPems Sound(int validity_days = 365) {
  return CacertsFromData(
      CacertsData(TestIntermediate(TestRoot(), "beijing", validity_days), TestRoot().cert_pem));
}

CacertsDecision Assess(const CacertsPems& pems, std::chrono::system_clock::time_point now = Now()) {
  return AssessIntermediate(pems, TestRoot().cert_pem, now, kThreshold);
}

void ExpectReissue(const CacertsPems& pems, const std::string& reason_start,
                   std::chrono::system_clock::time_point now = Now()) {
  CacertsDecision decision = Assess(pems, now);
  EXPECT_FALSE(decision.reuse());
  EXPECT_THAT(decision.reason, StartsWith(reason_start));
}

TEST(pki_AssessIntermediate, SoundSecretIsReused) {
  CacertsDecision decision = Assess(Sound(), Now() + days(1));
  EXPECT_TRUE(decision.reuse()) << decision.reason;
  EXPECT_EQ(decision.reason, "valid until 2027-01-15 10:00:00 UTC");
}

TEST(pki_AssessIntermediate, MissingKey) {
  CacertsPems pems = Sound();
  pems.ca_key.clear();
  ExpectReissue(pems, "cacerts has no ca-key.pem");
  ExpectReissue(CacertsPems{}, "cacerts has no ca-cert.pem");
}

TEST(pki_AssessIntermediate, DifferentRoot) {
  CaBundle other = GenerateRoot({"Other Root", "Istio", 3650, KeyType::kEcdsaP256}, Now());
  CacertsPems pems =
      CacertsFromData(CacertsData(TestIntermediate(other, "beijing"), other.cert_pem));
  CacertsDecision decision = Assess(pems);
  EXPECT_FALSE(decision.reuse());
  EXPECT_EQ(decision.reason,
            "signed by a different root (ca-cert.pem issuer: O = Istio, CN = Other Root)");
}

TEST(pki_AssessIntermediate, Expired) {
  CacertsDecision decision = Assess(Sound(10), Now() + days(20));
  EXPECT_FALSE(decision.reuse());
  EXPECT_EQ(decision.reason, "expired 10 days ago (on 2026-01-25 10:00:00 UTC)");
}

TEST(pki_AssessIntermediate, NotYetValid) {
  CaBundle later = TestIntermediate(TestRoot(), "beijing", 365, Now() + days(1));
  ExpectReissue(CacertsFromData(CacertsData(later, TestRoot().cert_pem)),
                "not valid before 2026-01-16 10:00:00 UTC", Now() + hours(20));
}

TEST(pki_AssessIntermediate, NearExpiry) {
  CacertsDecision decision = Assess(Sound(42), Now() + days(30));
  EXPECT_FALSE(decision.reuse());
  EXPECT_EQ(decision.reason, "expires in 12 days (threshold 30)");
}

TEST(pki_AssessIntermediate, ThresholdBoundary) {
  EXPECT_TRUE(Assess(Sound(60), Now() + days(30)).reuse()) << "exactly 30 days left";
  EXPECT_EQ(Assess(Sound(60), Now() + days(30) + hours(1)).reason,
            "expires in 29 days (threshold 30)");
  EXPECT_EQ(Assess(Sound(60), Now() + days(60) - hours(5)).reason,
            "expires in 5 hours (threshold 30)");
}

TEST(pki_AssessIntermediate, MismatchedKey) {
  CacertsPems pems = Sound();
  pems.ca_key = TestIntermediate(TestRoot(), "beijing").key_pem;
  ExpectReissue(pems, "key does not match certificate");
}

TEST(pki_AssessIntermediate, BadCertChain) {
  const std::string reason = "cert-chain.pem is not ca-cert.pem followed by root-cert.pem";
  CacertsPems pems = Sound();
  CacertsPems reversed = pems;
  reversed.cert_chain = pems.root_cert + pems.ca_cert;
  ExpectReissue(reversed, reason);
  CacertsPems no_root = pems;
  no_root.cert_chain = pems.ca_cert;
  ExpectReissue(no_root, reason);
  CacertsPems other_intermediate = pems;
  other_intermediate.cert_chain = TestIntermediate(TestRoot(), "x").cert_pem + pems.root_cert;
  ExpectReissue(other_intermediate, reason);
  CacertsPems extra = pems;
  extra.cert_chain += pems.root_cert;
  ExpectReissue(extra, reason);
}

TEST(pki_AssessIntermediate, NotACa) {
  std::string key = GeneratePrivateKeyPem(KeyType::kEcdsaP256);
  CaBundle leaf{testing::LeafCertSignedBy(TestRoot(), key), key};
  ExpectReissue(CacertsFromData(CacertsData(leaf, TestRoot().cert_pem)), "ca-cert.pem is not a CA");
}

TEST(pki_AssessIntermediate, UnparsableValues) {
  CacertsPems pems = Sound();
  CacertsPems bad_cert = pems;
  bad_cert.ca_cert = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
  ExpectReissue(bad_cert, "unparsable ca-cert.pem");
  CacertsPems bad_key = pems;
  bad_key.ca_key = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
  ExpectReissue(bad_key, "unparsable ca-key.pem");
  CacertsPems bad_root = pems;
  bad_root.root_cert = "garbage";
  ExpectReissue(bad_root, "unparsable root-cert.pem");
  CacertsPems bad_chain = pems;
  bad_chain.cert_chain = "garbage";
  ExpectReissue(bad_chain, "unparsable cert-chain.pem");
}

TEST(pki_AssessIntermediate, RootCertIsNotTheTopologyRoot) {
  CacertsPems pems = Sound();
  pems.root_cert = GenerateRoot({"Other", "Istio", 100, KeyType::kEcdsaP256}, Now()).cert_pem;
  ExpectReissue(pems, "root-cert.pem is not the topology's root certificate");
}

TEST(pki_AssessIntermediate, FirstFailureWins) {
  CaBundle other = GenerateRoot({"Other Root", "Istio", 3650, KeyType::kEcdsaP256}, Now());
  CacertsPems pems = CacertsFromData(CacertsData(TestIntermediate(other, "c", 10), other.cert_pem));
  pems.ca_key = GeneratePrivateKeyPem(KeyType::kEcdsaP256);
  ExpectReissue(pems, "signed by a different root", Now() + days(20));
}

TEST(pki_AssessIntermediate, TraditionalEcKeyIsAccepted) {
  CacertsPems pems = Sound();
  testing::TempDir dir;
  testing::WriteFile(dir.File("key.pem"), pems.ca_key);
  auto ec = testing::RunCommand("openssl ec -in " + dir.File("key.pem"));
  ASSERT_EQ(ec.exit_code, 0) << ec.output;
  pems.ca_key = ec.output.substr(ec.output.find("-----BEGIN EC PRIVATE KEY-----"));
  EXPECT_TRUE(Assess(pems).reuse()) << Assess(pems).reason;
}

TEST(pki_AssessIntermediate, UnparsableTopologyRootThrows) {
  EXPECT_THROW(AssessIntermediate(Sound(), "garbage", Now(), kThreshold), Error);
}

}  // namespace
}  // namespace meshform::pki
