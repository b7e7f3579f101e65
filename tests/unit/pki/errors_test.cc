// Proves: pki::Error is a meshform::Error; its messages say which input failed, carry OpenSSL's
// reason, and never contain key material, whether the key is corrupt, misplaced or mismatched.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <openssl/err.h>

#include "engine/pki/assess.h"
#include "engine/pki/error.h"
#include "engine/pki/inspect.h"
#include "engine/pki/keys.h"
#include "engine/pki/verify.h"
#include "tests/unit/pki/pki_test_util.h"

namespace meshform::pki {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Runs `call`, which must throw pki::Error, and returns the message.
template <typename F>
std::string MessageOf(F call) {
  try {
    call();
  } catch (const meshform::Error& e) {
    EXPECT_NE(dynamic_cast<const Error*>(&e), nullptr) << "not a pki::Error";
    return e.what();
  }
  ADD_FAILURE() << "no exception";
  return {};
}

void ExpectNoKeyBytes(const std::string& message, const std::string& key_pem) {
  for (const auto& line : testing::PemBodyLines(key_pem)) {
    EXPECT_THAT(message, Not(HasSubstr(line.substr(0, 16)))) << "key bytes in: " << message;
  }
}

// The key with one base64 line damaged in the middle, so that decoding fails late.
std::string Corrupt(std::string pem) {
  size_t middle = pem.find('\n', pem.size() / 2);
  pem[middle - 3] = pem[middle - 3] == 'A' ? 'B' : 'A';
  pem[middle - 5] = '*';
  return pem;
}

TEST(pki_Errors, CorruptKeyMessageNamesItWithoutKeyBytes) {
  std::string key = GeneratePrivateKeyPem(KeyType::kEcdsaP256);
  std::string message = MessageOf([&] { PrivateKeyType(Corrupt(key), "ca-key.pem"); });
  EXPECT_THAT(message, ::testing::StartsWith("ca-key.pem: "));
  ExpectNoKeyBytes(message, key);
  EXPECT_EQ(ERR_peek_error(), 0u) << "OpenSSL error queue left non-empty";
}

TEST(pki_Errors, KeyGivenAsCertificate) {
  std::string key = GeneratePrivateKeyPem(KeyType::kEcdsaP256);
  std::string message = MessageOf([&] { Inspect(key, "root-cert.pem"); });
  EXPECT_THAT(message, HasSubstr("root-cert.pem"));
  ExpectNoKeyBytes(message, key);
  message = MessageOf([&] { KeyMatchesCert(key, key); });
  ExpectNoKeyBytes(message, key);
}

TEST(pki_Errors, OpenSslReasonIsAppended) {
  std::string message = MessageOf([&] { PrivateKeyType("-----BEGIN PRIVATE KEY-----\n", "k"); });
  // "k: not a readable ...: error:<code>:<library>:<function>:<reason>"
  EXPECT_THAT(message, HasSubstr(": error:")) << message;
}

TEST(pki_Errors, IssueWithCorruptRootKey) {
  CaBundle root = testing::TestRoot();
  root.key_pem = Corrupt(root.key_pem);
  IntermediateParams params;
  params.cluster = "c";
  params.key_type = KeyType::kEcdsaP256;
  std::string message = MessageOf([&] { IssueIntermediate(root, params, testing::Now()); });
  EXPECT_THAT(message, HasSubstr("root private key"));
  ExpectNoKeyBytes(message, testing::TestRoot().key_pem);
}

TEST(pki_Errors, AssessReasonsCarryNoKeyBytes) {
  CaBundle intermediate = testing::TestIntermediate(testing::TestRoot(), "c");
  CacertsPems pems = CacertsFromData(CacertsData(intermediate, testing::TestRoot().cert_pem));
  for (std::string key : {Corrupt(intermediate.key_pem), intermediate.key_pem + "trailing",
                          GeneratePrivateKeyPem(KeyType::kEcdsaP256)}) {
    pems.ca_key = key;
    auto decision = AssessIntermediate(pems, testing::TestRoot().cert_pem, testing::Now(),
                                       std::chrono::days(30));
    ExpectNoKeyBytes(decision.reason, key);
    ExpectNoKeyBytes(decision.reason, intermediate.key_pem);
  }
  // A key pasted into ca-cert.pem.
  pems = CacertsFromData(CacertsData(intermediate, testing::TestRoot().cert_pem));
  pems.ca_cert = intermediate.key_pem;
  auto decision =
      AssessIntermediate(pems, testing::TestRoot().cert_pem, testing::Now(), std::chrono::days(30));
  EXPECT_THAT(decision.reason, HasSubstr("unparsable ca-cert.pem"));
  ExpectNoKeyBytes(decision.reason, intermediate.key_pem);
}

}  // namespace
}  // namespace meshform::pki
