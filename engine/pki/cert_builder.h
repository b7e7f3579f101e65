// A small builder for X.509 v3 certificates, used by issue.cc. Internal to engine/pki.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "engine/pki/openssl_ptr.h"

namespace meshform::pki::internal {

class CertBuilder {
 public:
  // A v3 certificate for `public_key` with a random 128-bit serial.
  explicit CertBuilder(EVP_PKEY* public_key);

  // Subject fields in order, e.g. {{"O", "Istio"}, {"CN", "Root CA"}}.
  CertBuilder& Subject(const std::vector<std::pair<std::string, std::string>>& fields);
  CertBuilder& Validity(std::chrono::system_clock::time_point not_before, int days);

  // The issuer whose name and key identifier go into the certificate; null means self-signed.
  // Call before Extension() so that authorityKeyIdentifier can see it.
  CertBuilder& Issuer(X509* issuer);

  // An extension in openssl.cnf syntax, e.g. (NID_basic_constraints, "critical,CA:true").
  CertBuilder& Extension(int nid, const std::string& value);

  // Signs with SHA-256 and hands over the certificate.
  X509Ptr Sign(EVP_PKEY* issuer_key);

 private:
  X509Ptr cert_;
  X509* issuer_ = nullptr;  // null: self-signed
};

}  // namespace meshform::pki::internal
