// Proves: GenerateRoot and IssueIntermediate produce the subjects, extensions (criticality
// included), serials, validity and signatures of Istio's tools/certs conventions, read back
// with OpenSSL's own APIs; bad parameters and a root without its key are refused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "engine/pki/ca.h"
#include "engine/pki/error.h"
#include "tests/unit/pki/pki_test_util.h"

namespace meshform::pki {
namespace {

using ::testing::ElementsAre;
using testing::Now;
using testing::ParseCert;
using testing::TestIntermediate;
using testing::TestRoot;

constexpr uint32_t kCaKeyUsage =
    KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION | KU_KEY_ENCIPHERMENT | KU_KEY_CERT_SIGN;

bool IsCritical(X509* cert, int nid) {
  int index = X509_get_ext_by_NID(cert, nid, -1);
  return index >= 0 && X509_EXTENSION_get_critical(X509_get_ext(cert, index)) == 1;
}

// {ca, pathlen} from basicConstraints; pathlen -1 when absent.
std::pair<bool, long> BasicConstraints(X509* cert) {
  auto* bc = static_cast<BASIC_CONSTRAINTS*>(
      X509_get_ext_d2i(cert, NID_basic_constraints, nullptr, nullptr));
  if (bc == nullptr) return {false, -2};
  std::pair<bool, long> result{bc->ca != 0, bc->pathlen ? ASN1_INTEGER_get(bc->pathlen) : -1};
  BASIC_CONSTRAINTS_free(bc);
  return result;
}

int SerialBits(X509* cert) {
  internal::BignumPtr bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr));
  return BN_num_bits(bn.get());
}

std::vector<std::string> DnsNames(X509* cert) {
  std::vector<std::string> names;
  auto* sans =
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  for (int i = 0; sans && i < sk_GENERAL_NAME_num(sans); ++i) {
    GENERAL_NAME* name = sk_GENERAL_NAME_value(sans, i);
    names.push_back(name->type == GEN_DNS ? std::string(reinterpret_cast<const char*>(
                                                ASN1_STRING_get0_data(name->d.dNSName)))
                                          : "(not DNS)");
  }
  GENERAL_NAMES_free(sans);
  return names;
}

time_t At(std::chrono::system_clock::time_point t) {
  return std::chrono::system_clock::to_time_t(t);
}

TEST(pki_GenerateRoot, FollowsIstioRootConventions) {
  auto root = ParseCert(TestRoot().cert_pem);
  ASSERT_TRUE(root);
  X509* x = root.get();
  EXPECT_EQ(X509_get_version(x), X509_VERSION_3);
  EXPECT_THAT(testing::NameEntries(X509_get_subject_name(x)),
              ElementsAre("O=Istio", "CN=Test Root CA"));
  EXPECT_EQ(X509_NAME_cmp(X509_get_subject_name(x), X509_get_issuer_name(x)), 0);
  EXPECT_EQ(X509_get_signature_nid(x), NID_ecdsa_with_SHA256);
  EXPECT_TRUE(IsCritical(x, NID_basic_constraints));
  EXPECT_EQ(BasicConstraints(x), std::make_pair(true, -1L));
  EXPECT_TRUE(IsCritical(x, NID_key_usage));
  EXPECT_EQ(X509_get_key_usage(x), kCaKeyUsage);
  EXPECT_NE(X509_get0_subject_key_id(x), nullptr);
  EXPECT_EQ(X509_get_ext_by_NID(x, NID_ext_key_usage, -1), -1) << "Istio CAs carry no EKU";
  EXPECT_EQ(SerialBits(x), 128);
  EXPECT_EQ(ASN1_TIME_cmp_time_t(X509_get0_notBefore(x), At(Now())), 0);
  EXPECT_EQ(ASN1_TIME_cmp_time_t(X509_get0_notAfter(x), At(Now() + std::chrono::days(3650))), 0);
  // Self-signed: its own key verifies its signature.
  EXPECT_EQ(X509_verify(x, X509_get0_pubkey(x)), 1);
  EXPECT_EQ(TestRoot().key_pem.rfind("-----BEGIN PRIVATE KEY-----", 0), 0u);
}

TEST(pki_GenerateRoot, SerialsAreRandom) {
  RootParams params{"r", "o", 1, KeyType::kEcdsaP256};
  auto a = ParseCert(GenerateRoot(params, Now()).cert_pem);
  auto b = ParseCert(GenerateRoot(params, Now()).cert_pem);
  EXPECT_NE(ASN1_INTEGER_cmp(X509_get0_serialNumber(a.get()), X509_get0_serialNumber(b.get())), 0);
}

TEST(pki_IssueIntermediate, FollowsIstioIntermediateConventions) {
  CaBundle bundle = TestIntermediate(TestRoot(), "shanghai");
  auto root = ParseCert(TestRoot().cert_pem);
  auto cert = ParseCert(bundle.cert_pem);
  ASSERT_TRUE(cert);
  X509* x = cert.get();
  EXPECT_EQ(X509_get_version(x), X509_VERSION_3);
  EXPECT_THAT(testing::NameEntries(X509_get_subject_name(x)),
              ElementsAre("O=Istio", "CN=Intermediate CA", "L=shanghai"));
  EXPECT_EQ(X509_NAME_cmp(X509_get_issuer_name(x), X509_get_subject_name(root.get())), 0);
  EXPECT_EQ(X509_get_signature_nid(x), NID_ecdsa_with_SHA256);
  EXPECT_TRUE(IsCritical(x, NID_basic_constraints));
  EXPECT_EQ(BasicConstraints(x), std::make_pair(true, 0L));
  EXPECT_TRUE(IsCritical(x, NID_key_usage));
  EXPECT_EQ(X509_get_key_usage(x), kCaKeyUsage);
  EXPECT_FALSE(IsCritical(x, NID_subject_alt_name));
  EXPECT_THAT(DnsNames(x), ElementsAre("istiod.istio-system.svc"));
  EXPECT_EQ(X509_get_ext_by_NID(x, NID_ext_key_usage, -1), -1);
  const ASN1_OCTET_STRING* ski = X509_get0_subject_key_id(x);
  const ASN1_OCTET_STRING* aki = X509_get0_authority_key_id(x);
  ASSERT_NE(ski, nullptr);
  ASSERT_NE(aki, nullptr);
  EXPECT_EQ(ASN1_OCTET_STRING_cmp(aki, X509_get0_subject_key_id(root.get())), 0);
  EXPECT_NE(ASN1_OCTET_STRING_cmp(ski, X509_get0_subject_key_id(root.get())), 0);
  EXPECT_EQ(SerialBits(x), 128);
  EXPECT_EQ(ASN1_TIME_cmp_time_t(X509_get0_notBefore(x), At(Now())), 0);
  EXPECT_EQ(ASN1_TIME_cmp_time_t(X509_get0_notAfter(x), At(Now() + std::chrono::days(365))), 0);
  EXPECT_EQ(X509_verify(x, X509_get0_pubkey(root.get())), 1) << "not signed by the root";
  EXPECT_NE(X509_verify(x, X509_get0_pubkey(x)), 1);
  // The key in the bundle is the certificate's.
  auto key = testing::ParseKey(bundle.key_pem);
  ASSERT_TRUE(key);
  EXPECT_EQ(EVP_PKEY_eq(X509_get0_pubkey(x), key.get()), 1);
}

TEST(pki_IssueIntermediate, CustomNamesAndNoSan) {
  IntermediateParams params;
  params.cluster = "beijing";
  params.common_name = "Mesh Intermediate";
  params.organization = "Example";
  params.validity_days = 10;
  params.key_type = KeyType::kEcdsaP256;
  params.san_dns = "";
  auto cert = ParseCert(IssueIntermediate(TestRoot(), params, Now()).cert_pem);
  EXPECT_THAT(testing::NameEntries(X509_get_subject_name(cert.get())),
              ElementsAre("O=Example", "CN=Mesh Intermediate", "L=beijing"));
  EXPECT_EQ(X509_get_ext_by_NID(cert.get(), NID_subject_alt_name, -1), -1);
}

// The one slow test: Istio's default key type end to end (RSA-4096 root, RSA intermediate).
TEST(pki_IssueIntermediate, Rsa4096RootSignsWithSha256WithRsa) {
  CaBundle root = GenerateRoot({"RSA Root", "Istio", 30, KeyType::kRsa4096}, Now());
  IntermediateParams params;
  params.cluster = "c1";
  params.key_type = KeyType::kRsa2048;
  CaBundle intermediate = IssueIntermediate(root, params, Now());
  auto root_cert = ParseCert(root.cert_pem);
  auto cert = ParseCert(intermediate.cert_pem);
  EXPECT_EQ(EVP_PKEY_get_bits(X509_get0_pubkey(root_cert.get())), 4096);
  EXPECT_EQ(EVP_PKEY_get_bits(X509_get0_pubkey(cert.get())), 2048);
  EXPECT_EQ(X509_get_signature_nid(root_cert.get()), NID_sha256WithRSAEncryption);
  EXPECT_EQ(X509_get_signature_nid(cert.get()), NID_sha256WithRSAEncryption);
  EXPECT_EQ(X509_verify(cert.get(), X509_get0_pubkey(root_cert.get())), 1);
  EXPECT_EQ(PrivateKeyType(root.key_pem), KeyType::kRsa4096);
}

TEST(pki_IssueIntermediate, RefusesBadParameters) {
  IntermediateParams params;
  params.key_type = KeyType::kEcdsaP256;
  EXPECT_THROW(IssueIntermediate(TestRoot(), params, Now()), Error) << "empty cluster";
  params.cluster = "c1";
  params.validity_days = 0;
  EXPECT_THROW(IssueIntermediate(TestRoot(), params, Now()), Error) << "zero validity";
  EXPECT_THROW(GenerateRoot({"", "Istio", 10, KeyType::kEcdsaP256}, Now()), Error);
  EXPECT_THROW(GenerateRoot({"r", "Istio", -1, KeyType::kEcdsaP256}, Now()), Error);
}

TEST(pki_IssueIntermediate, RefusesARootWithTheWrongKey) {
  CaBundle wrong{TestRoot().cert_pem, GeneratePrivateKeyPem(KeyType::kEcdsaP256)};
  IntermediateParams params;
  params.cluster = "c1";
  params.key_type = KeyType::kEcdsaP256;
  try {
    IssueIntermediate(wrong, params, Now());
    FAIL() << "issued with a key that is not the root's";
  } catch (const Error& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("does not match"));
  }
}

TEST(pki_IssueIntermediate, RefusesANonCaSigner) {
  std::string key = GeneratePrivateKeyPem(KeyType::kEcdsaP256);
  CaBundle leaf{testing::LeafCertSignedBy(TestRoot(), key), key};
  IntermediateParams params;
  params.cluster = "c1";
  params.key_type = KeyType::kEcdsaP256;
  EXPECT_THROW(IssueIntermediate(leaf, params, Now()), Error);
}

}  // namespace
}  // namespace meshform::pki
