// GenerateRoot and IssueIntermediate (ca.h): Istio tools/certs conventions, in-process.
#include <openssl/err.h>

#include "engine/pki/ca.h"
#include "engine/pki/cert_builder.h"
#include "engine/pki/cert_codec.h"
#include "engine/pki/error.h"
#include "engine/pki/key_codec.h"

namespace meshform::pki {
namespace {

constexpr const char* kCaKeyUsage =
    "critical,digitalSignature,nonRepudiation,keyEncipherment,keyCertSign";

void CheckCommon(const std::string& what, const std::string& common_name, int validity_days) {
  if (common_name.empty()) throw Error(what + ": common name is empty");
  if (validity_days <= 0) {
    throw Error(what + ": validity must be a positive number of days, got " +
                std::to_string(validity_days));
  }
}

// The root's certificate and key, checked to be a CA and a matching pair.
std::pair<internal::X509Ptr, internal::EvpPkeyPtr> LoadSigner(const CaBundle& root) {
  auto cert = internal::ParseCertificate(root.cert_pem, "root certificate");
  auto key = internal::ParsePrivateKey(root.key_pem, "root private key");
  if (!(X509_get_extension_flags(cert.get()) & EXFLAG_CA)) {
    throw Error("root certificate is not a CA (basicConstraints CA:true missing)");
  }
  if (EVP_PKEY_eq(X509_get0_pubkey(cert.get()), key.get()) != 1) {
    ERR_clear_error();
    throw Error("root private key does not match the root certificate");
  }
  return {std::move(cert), std::move(key)};
}

}  // namespace

CaBundle GenerateRoot(const RootParams& params, std::chrono::system_clock::time_point now) {
  CheckCommon("root CA", params.common_name, params.validity_days);
  auto key = internal::GenerateKey(params.key_type);
  std::vector<std::pair<std::string, std::string>> subject;
  if (!params.organization.empty()) subject.emplace_back("O", params.organization);
  subject.emplace_back("CN", params.common_name);
  auto cert = internal::CertBuilder(key.get())
                  .Subject(subject)
                  .Validity(now, params.validity_days)
                  .Extension(NID_subject_key_identifier, "hash")
                  .Extension(NID_basic_constraints, "critical,CA:true")
                  .Extension(NID_key_usage, kCaKeyUsage)
                  .Sign(key.get());
  return {internal::CertificateToPem(cert.get()), internal::PrivateKeyToPem(key.get())};
}

CaBundle IssueIntermediate(const CaBundle& root, const IntermediateParams& params,
                           std::chrono::system_clock::time_point now) {
  CheckCommon("intermediate CA", params.common_name, params.validity_days);
  if (params.cluster.empty()) throw Error("intermediate CA: cluster name is empty");
  auto [root_cert, root_key] = LoadSigner(root);
  auto key = internal::GenerateKey(params.key_type);
  std::vector<std::pair<std::string, std::string>> subject;
  if (!params.organization.empty()) subject.emplace_back("O", params.organization);
  subject.emplace_back("CN", params.common_name);
  subject.emplace_back("L", params.cluster);
  internal::CertBuilder builder(key.get());
  builder.Subject(subject)
      .Validity(now, params.validity_days)
      .Issuer(root_cert.get())
      .Extension(NID_subject_key_identifier, "hash")
      .Extension(NID_authority_key_identifier, "keyid,issuer")
      .Extension(NID_basic_constraints, "critical,CA:true,pathlen:0")
      .Extension(NID_key_usage, kCaKeyUsage);
  if (!params.san_dns.empty()) builder.Extension(NID_subject_alt_name, "DNS:" + params.san_dns);
  auto cert = builder.Sign(root_key.get());
  return {internal::CertificateToPem(cert.get()), internal::PrivateKeyToPem(key.get())};
}

}  // namespace meshform::pki
