// Proves, with the `openssl` command line as an independent second opinion: the cacerts that
// meshform generates verify (`openssl verify -CAfile root -untrusted chain`), and fail to against
// another root or after expiry; Inspect agrees with `openssl x509`; and cacerts made by the
// openssl CLI the way Istio's tools/certs Makefile makes them are assessed as reusable.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/pki/assess.h"
#include "engine/pki/cacerts.h"
#include "engine/pki/inspect.h"
#include "engine/pki/verify.h"
#include "tests/unit/pki/pki_test_util.h"

namespace meshform::pki {
namespace {

using testing::EpochSeconds;
using ::testing::HasSubstr;
using testing::Now;
using testing::RunCommand;
using testing::TempDir;
using testing::TestRoot;

// The four cacerts files of one cluster, written into `dir`.
void WriteCacerts(const TempDir& dir, const CaBundle& intermediate) {
  for (const auto& [name, value] : CacertsData(intermediate, TestRoot().cert_pem)) {
    testing::WriteFile(dir.File(name), value);
  }
}

std::string Verify(const TempDir& dir, const std::string& ca_file, long long at) {
  return "openssl verify -attime " + std::to_string(at) + " -CAfile " + dir.File(ca_file) +
         " -untrusted " + dir.File("cert-chain.pem") + " " + dir.File("ca-cert.pem");
}

TEST(pki_OpensslCli, VerifiesTheGeneratedChain) {
  TempDir dir;
  WriteCacerts(dir, testing::TestIntermediate(TestRoot(), "beijing", 365));
  auto ok = RunCommand(Verify(dir, "root-cert.pem", EpochSeconds(Now() + std::chrono::hours(1))));
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_THAT(ok.output, HasSubstr("ca-cert.pem: OK"));
}

TEST(pki_OpensslCli, RejectsAnotherRootAndExpiry) {
  TempDir dir;
  WriteCacerts(dir, testing::TestIntermediate(TestRoot(), "beijing", 10));
  testing::WriteFile(dir.File("other-root.pem"),
                     GenerateRoot({"Other", "Istio", 100, KeyType::kEcdsaP256}, Now()).cert_pem);
  // Trusting only the other root; cert-chain.pem's copy of the real root must not be enough.
  auto wrong =
      RunCommand(Verify(dir, "other-root.pem", EpochSeconds(Now() + std::chrono::hours(1))));
  EXPECT_NE(wrong.exit_code, 0) << wrong.output;
  auto expired =
      RunCommand(Verify(dir, "root-cert.pem", EpochSeconds(Now() + std::chrono::days(11))));
  EXPECT_NE(expired.exit_code, 0) << expired.output;
  EXPECT_THAT(expired.output, HasSubstr("certificate has expired"));
}

TEST(pki_OpensslCli, ExtensionsAsOpensslPrintsThem) {
  TempDir dir;
  WriteCacerts(dir, testing::TestIntermediate(TestRoot(), "beijing"));
  auto text = RunCommand("openssl x509 -noout -text -in " + dir.File("ca-cert.pem"));
  ASSERT_EQ(text.exit_code, 0) << text.output;
  EXPECT_THAT(text.output, HasSubstr("Version: 3 (0x2)"));
  EXPECT_THAT(text.output, HasSubstr("X509v3 Basic Constraints: critical\n"
                                     "                CA:TRUE, pathlen:0"));
  EXPECT_THAT(text.output, HasSubstr("X509v3 Key Usage: critical\n                Digital "
                                     "Signature, Non Repudiation, Key Encipherment, Certificate "
                                     "Sign"));
  EXPECT_THAT(text.output, HasSubstr("DNS:istiod.istio-system.svc"));
  EXPECT_THAT(text.output, HasSubstr("X509v3 Subject Key Identifier"));
  EXPECT_THAT(text.output, HasSubstr("X509v3 Authority Key Identifier"));
  EXPECT_THAT(text.output, HasSubstr("ecdsa-with-SHA256"));
}

TEST(pki_OpensslCli, InspectAgreesWithOpensslX509) {
  TempDir dir;
  WriteCacerts(dir, testing::TestIntermediate(TestRoot(), "beijing"));
  CertInfo info = Inspect(testing::ReadFile(dir.File("ca-cert.pem")));
  auto out = RunCommand("openssl x509 -noout -serial -fingerprint -sha256 -subject -issuer -in " +
                        dir.File("ca-cert.pem"));
  ASSERT_EQ(out.exit_code, 0) << out.output;
  EXPECT_THAT(out.output, HasSubstr("serial=" + info.serial + "\n"));
  EXPECT_THAT(out.output, HasSubstr("Fingerprint=" + info.sha256_fingerprint + "\n"));
  EXPECT_THAT(out.output, HasSubstr("subject=" + info.subject + "\n"));
  EXPECT_THAT(out.output, HasSubstr("issuer=" + info.issuer + "\n"));
}

TEST(pki_OpensslCli, KeyIsTheCertificatesKey) {
  TempDir dir;
  WriteCacerts(dir, testing::TestIntermediate(TestRoot(), "beijing"));
  auto from_key = RunCommand("openssl pkey -pubout -in " + dir.File("ca-key.pem"));
  auto from_cert = RunCommand("openssl x509 -noout -pubkey -in " + dir.File("ca-cert.pem"));
  ASSERT_EQ(from_key.exit_code, 0) << from_key.output;
  EXPECT_EQ(from_key.output, from_cert.output);
}

// Root and intermediate made by the openssl CLI with the extensions and subjects of Istio's
// Makefile.selfsigned.mk (EC keys instead of RSA-4096, for speed; traditional EC key PEM).
TEST(pki_OpensslCli, MakefileStyleCacertsAreReused) {
  TempDir dir;
  std::string d = dir.path().string();
  testing::WriteFile(dir.File("root.cnf"),
                     "[req]\ndistinguished_name=dn\nprompt=no\nx509_extensions=ext\n"
                     "[dn]\nO=Istio\nCN=Root CA\n"
                     "[ext]\nsubjectKeyIdentifier=hash\nbasicConstraints=critical,CA:true\n"
                     "keyUsage=critical,digitalSignature,nonRepudiation,keyEncipherment,"
                     "keyCertSign\n");
  testing::WriteFile(dir.File("int.ext"),
                     "subjectKeyIdentifier=hash\nbasicConstraints=critical,CA:true,pathlen:0\n"
                     "keyUsage=critical,digitalSignature,nonRepudiation,keyEncipherment,"
                     "keyCertSign\nsubjectAltName=DNS:istiod.istio-system.svc\n");
  auto made = RunCommand(
      "cd " + d +
      " && openssl ecparam -name prime256v1 -genkey -noout -out root-key.pem && "
      "openssl req -x509 -new -sha256 -days 3650 -key root-key.pem -config root.cnf "
      "-out root-cert.pem && openssl ecparam -name prime256v1 -genkey -noout -out ca-key.pem && "
      "openssl req -new -key ca-key.pem -subj '/O=Istio/CN=Intermediate CA/L=cluster1' "
      "-out ca.csr && openssl x509 -req -sha256 -days 3650 -in ca.csr -CA root-cert.pem "
      "-CAkey root-key.pem -CAcreateserial -extfile int.ext -out ca-cert.pem && "
      "cat ca-cert.pem root-cert.pem > cert-chain.pem");
  ASSERT_EQ(made.exit_code, 0) << made.output;
  CacertsPems pems{
      testing::ReadFile(dir.File("ca-cert.pem")), testing::ReadFile(dir.File("ca-key.pem")),
      testing::ReadFile(dir.File("root-cert.pem")), testing::ReadFile(dir.File("cert-chain.pem"))};
  ASSERT_THAT(pems.ca_key, HasSubstr("BEGIN EC PRIVATE KEY"));
  auto decision = AssessIntermediate(pems, pems.root_cert, std::chrono::system_clock::now(),
                                     std::chrono::days(30));
  EXPECT_TRUE(decision.reuse()) << decision.reason;
  EXPECT_EQ(Inspect(pems.ca_cert).subject, "O = Istio, CN = Intermediate CA, L = cluster1");
}

}  // namespace
}  // namespace meshform::pki
