// Proves: every KeyType generates a key of that type as PKCS#8 PEM; the PEM forms Istio accepts
// in ca-key.pem (RSA/EC traditional, PKCS#8) all parse; encrypted keys fail without prompting.
#include "engine/pki/keys.h"

#include <gtest/gtest.h>

#include "engine/pki/error.h"
#include "tests/unit/pki/pki_test_util.h"

namespace meshform::pki {
namespace {

using testing::RunCommand;
using testing::TempDir;

TEST(pki_Keys, EcdsaKeyIsPkcs8PemOfP256) {
  std::string pem = GeneratePrivateKeyPem(KeyType::kEcdsaP256);
  EXPECT_EQ(pem.rfind("-----BEGIN PRIVATE KEY-----\n", 0), 0u) << "not PKCS#8";
  EXPECT_EQ(PrivateKeyType(pem), KeyType::kEcdsaP256);
  auto key = testing::ParseKey(pem);
  ASSERT_TRUE(key);
  EXPECT_TRUE(EVP_PKEY_is_a(key.get(), "EC"));
  EXPECT_EQ(EVP_PKEY_get_bits(key.get()), 256);
}

TEST(pki_Keys, RsaKeysHaveTheRequestedSize) {
  for (KeyType type : {KeyType::kRsa2048, KeyType::kRsa3072}) {
    std::string pem = GeneratePrivateKeyPem(type);
    EXPECT_EQ(pem.rfind("-----BEGIN PRIVATE KEY-----\n", 0), 0u);
    EXPECT_EQ(PrivateKeyType(pem), type) << KeyTypeName(type);
    auto key = testing::ParseKey(pem);
    ASSERT_TRUE(key);
    EXPECT_TRUE(EVP_PKEY_is_a(key.get(), "RSA"));
  }
}

TEST(pki_Keys, TwoKeysDiffer) {
  EXPECT_NE(GeneratePrivateKeyPem(KeyType::kEcdsaP256), GeneratePrivateKeyPem(KeyType::kEcdsaP256));
}

TEST(pki_Keys, NamesRoundTrip) {
  for (KeyType type :
       {KeyType::kRsa2048, KeyType::kRsa3072, KeyType::kRsa4096, KeyType::kEcdsaP256}) {
    EXPECT_EQ(ParseKeyType(KeyTypeName(type)), type);
  }
  EXPECT_EQ(KeyTypeName(KeyType::kEcdsaP256), "ecdsa-p256");
  EXPECT_THROW(ParseKeyType("rsa-1024"), Error);
}

// Keys written by the openssl command line in the traditional forms Istio also accepts.
TEST(pki_Keys, ParsesTraditionalRsaAndEcPem) {
  TempDir dir;
  auto rsa = RunCommand("openssl genrsa -traditional 2048");
  ASSERT_EQ(rsa.exit_code, 0) << rsa.output;
  ASSERT_NE(rsa.output.find("-----BEGIN RSA PRIVATE KEY-----"), std::string::npos);
  EXPECT_EQ(PrivateKeyType(rsa.output), KeyType::kRsa2048);
  // `ecparam -genkey` prints an "EC PARAMETERS" block before the "EC PRIVATE KEY" block.
  auto ec = RunCommand("openssl ecparam -name prime256v1 -genkey");
  ASSERT_EQ(ec.exit_code, 0) << ec.output;
  ASSERT_NE(ec.output.find("-----BEGIN EC PRIVATE KEY-----"), std::string::npos);
  EXPECT_EQ(PrivateKeyType(ec.output), KeyType::kEcdsaP256);
  std::string normalized = NormalizePrivateKeyPem(ec.output);
  EXPECT_EQ(normalized.rfind("-----BEGIN PRIVATE KEY-----\n", 0), 0u);
}

TEST(pki_Keys, EncryptedKeyFailsInsteadOfPrompting) {
  auto encrypted = RunCommand(
      "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -aes256 -pass pass:secret "
      "</dev/null");
  ASSERT_EQ(encrypted.exit_code, 0) << encrypted.output;
  ASSERT_NE(encrypted.output.find("ENCRYPTED PRIVATE KEY"), std::string::npos);
  EXPECT_THROW(PrivateKeyType(encrypted.output, "ca-key.pem"), Error);
}

TEST(pki_Keys, UnsupportedCurveIsNamed) {
  auto p384 = RunCommand("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384");
  ASSERT_EQ(p384.exit_code, 0) << p384.output;
  try {
    PrivateKeyType(p384.output, "ca-key.pem");
    FAIL() << "a P-384 key was accepted as a supported key type";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("secp384r1"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace meshform::pki
