// Proves: KeyMatchesCert tells matching from mismatched keys; VerifyChain accepts a chain to the
// right root at the given time and classifies wrong root, expiry and not-yet-valid failures.
#include "engine/pki/verify.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/pki/error.h"
#include "tests/unit/pki/pki_test_util.h"

namespace meshform::pki {
namespace {

using ::testing::HasSubstr;
using testing::Now;
using testing::TestIntermediate;
using testing::TestRoot;

TEST(pki_KeyMatchesCert, MatchingAndMismatched) {
  CaBundle a = TestIntermediate(TestRoot(), "a");
  CaBundle b = TestIntermediate(TestRoot(), "b");
  EXPECT_TRUE(KeyMatchesCert(a.key_pem, a.cert_pem));
  EXPECT_FALSE(KeyMatchesCert(b.key_pem, a.cert_pem));
  EXPECT_TRUE(KeyMatchesCert(TestRoot().key_pem, TestRoot().cert_pem));
}

TEST(pki_KeyMatchesCert, DifferentKeyTypesDoNotMatch) {
  CaBundle a = TestIntermediate(TestRoot(), "a");
  EXPECT_FALSE(KeyMatchesCert(GeneratePrivateKeyPem(KeyType::kRsa2048), a.cert_pem));
}

TEST(pki_VerifyChain, IntermediateChainsToItsRoot) {
  CaBundle a = TestIntermediate(TestRoot(), "a");
  VerifyResult result = VerifyChain(a.cert_pem, "", TestRoot().cert_pem, Now());
  EXPECT_TRUE(result.ok()) << result.reason;
  EXPECT_TRUE(result.reason.empty());
  // With a cert-chain.pem as untrusted input, as istiod does.
  result = VerifyChain(a.cert_pem, a.cert_pem + TestRoot().cert_pem, TestRoot().cert_pem, Now());
  EXPECT_TRUE(result.ok()) << result.reason;
}

TEST(pki_VerifyChain, OtherRootIsUntrustedIssuer) {
  CaBundle other = GenerateRoot({"Other Root", "Istio", 100, KeyType::kEcdsaP256}, Now());
  CaBundle a = TestIntermediate(TestRoot(), "a");
  VerifyResult result = VerifyChain(a.cert_pem, "", other.cert_pem, Now());
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.failure, VerifyFailure::kUntrustedIssuer);
  EXPECT_THAT(result.reason, HasSubstr("L = a"));
}

// Same subject name as the real root, different key: the signature, not the name, decides.
TEST(pki_VerifyChain, LookAlikeRootIsUntrusted) {
  CaBundle twin = GenerateRoot({"Test Root CA", "Istio", 3650, KeyType::kEcdsaP256}, Now());
  CaBundle a = TestIntermediate(TestRoot(), "a");
  VerifyResult result = VerifyChain(a.cert_pem, "", twin.cert_pem, Now());
  EXPECT_EQ(result.failure, VerifyFailure::kUntrustedIssuer) << result.reason;
}

TEST(pki_VerifyChain, ExpiredAndNotYetValid) {
  CaBundle a = TestIntermediate(TestRoot(), "a", 10);
  VerifyResult expired =
      VerifyChain(a.cert_pem, "", TestRoot().cert_pem, Now() + std::chrono::days(11));
  EXPECT_EQ(expired.failure, VerifyFailure::kExpired) << expired.reason;
  EXPECT_EQ(expired.depth, 0);
  EXPECT_THAT(expired.reason, HasSubstr("expired"));
  VerifyResult early =
      VerifyChain(a.cert_pem, "", TestRoot().cert_pem, Now() - std::chrono::hours(1));
  EXPECT_EQ(early.failure, VerifyFailure::kNotYetValid) << early.reason;
  EXPECT_TRUE(VerifyChain(a.cert_pem, "", TestRoot().cert_pem, Now() + std::chrono::days(9)));
}

TEST(pki_VerifyChain, ExpiredRootFailsAtDepthOne) {
  CaBundle root = GenerateRoot({"Short Root", "Istio", 5, KeyType::kEcdsaP256}, Now());
  CaBundle a = TestIntermediate(root, "a", 30);
  VerifyResult result = VerifyChain(a.cert_pem, "", root.cert_pem, Now() + std::chrono::days(6));
  EXPECT_EQ(result.failure, VerifyFailure::kExpired);
  EXPECT_EQ(result.depth, 1);
}

TEST(pki_VerifyChain, UnparsableInputThrows) {
  EXPECT_THROW(VerifyChain("junk", "", TestRoot().cert_pem, Now()), Error);
  EXPECT_THROW(VerifyChain(TestRoot().cert_pem, "", "junk", Now()), Error);
}

}  // namespace
}  // namespace meshform::pki
