// Proves: Inspect reports subject, issuer, validity, CA flag, path length, serial, fingerprint and
// DNS names as specified (the serial/fingerprint/subject formats are compared with the openssl
// command line in openssl_cli_test.cc).
#include "engine/pki/inspect.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/pki/error.h"
#include "tests/unit/pki/pki_test_util.h"

namespace meshform::pki {
namespace {

using testing::Now;
using testing::TestRoot;

TEST(pki_Inspect, Root) {
  CertInfo info = Inspect(TestRoot().cert_pem);
  EXPECT_EQ(info.subject, "O = Istio, CN = Test Root CA");
  EXPECT_EQ(info.issuer, info.subject);
  EXPECT_EQ(info.not_before, Now());
  EXPECT_EQ(info.not_after, Now() + std::chrono::days(3650));
  EXPECT_TRUE(info.is_ca);
  EXPECT_EQ(info.path_length, -1);
  EXPECT_EQ(info.serial.size(), 32u) << info.serial;
  EXPECT_EQ(info.serial.find_first_not_of("0123456789ABCDEF"), std::string::npos);
  EXPECT_EQ(info.sha256_fingerprint.size(), 32u * 3 - 1);
  EXPECT_TRUE(info.dns_names.empty());
}

TEST(pki_Inspect, Intermediate) {
  CertInfo info = Inspect(testing::TestIntermediate(TestRoot(), "beijing", 20).cert_pem);
  EXPECT_EQ(info.subject, "O = Istio, CN = Intermediate CA, L = beijing");
  EXPECT_EQ(info.issuer, "O = Istio, CN = Test Root CA");
  EXPECT_EQ(info.not_after - info.not_before, std::chrono::days(20));
  EXPECT_TRUE(info.is_ca);
  EXPECT_EQ(info.path_length, 0);
  EXPECT_THAT(info.dns_names, ::testing::ElementsAre("istiod.istio-system.svc"));
}

TEST(pki_Inspect, NonCaLeaf) {
  std::string key = GeneratePrivateKeyPem(KeyType::kEcdsaP256);
  CertInfo info = Inspect(testing::LeafCertSignedBy(TestRoot(), key));
  EXPECT_FALSE(info.is_ca);
  EXPECT_EQ(info.serial, "07");
}

TEST(pki_Inspect, ErrorsNameTheCertificate) {
  try {
    Inspect("not a certificate", "ca-cert.pem");
    FAIL() << "parsed garbage";
  } catch (const Error& e) {
    EXPECT_THAT(e.what(), ::testing::StartsWith("ca-cert.pem: "));
  }
  std::string two = TestRoot().cert_pem + TestRoot().cert_pem;
  EXPECT_THROW(Inspect(two), Error) << "two certificates where one is expected";
}

TEST(pki_FormatTime, IsUtc) { EXPECT_EQ(FormatTime(Now()), "2026-01-15 10:00:00 UTC"); }

}  // namespace
}  // namespace meshform::pki
