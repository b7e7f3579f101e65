// Checking certificates: does a key belong to a certificate, does a certificate chain up to a
// given root at a given time (OpenSSL's X509_verify_cert with an explicit verification time).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace meshform::pki {

// True when the private key is the one for the certificate's public key. Throws pki::Error when
// either does not parse (the message names which, never shows the key).
bool KeyMatchesCert(std::string_view key_pem, std::string_view cert_pem);

// Why a verification failed, coarsely, for callers that decide on it.
enum class VerifyFailure {
  kNone,
  kUntrustedIssuer,  // no path to the root: signed by another CA, or a bad signature
  kExpired,          // a certificate of the chain is past notAfter
  kNotYetValid,      // a certificate of the chain is before notBefore
  kOther,
};

struct VerifyResult {
  VerifyFailure failure = VerifyFailure::kNone;
  int depth = 0;       // where it failed: 0 is the certificate, 1 its issuer, ...
  std::string reason;  // empty when ok, e.g. "certificate has expired (depth 0: O = Istio, ...)"

  bool ok() const { return failure == VerifyFailure::kNone; }
  explicit operator bool() const { return ok(); }
};

// Verifies `cert_pem` against the single trust anchor `root_pem` at time `at`, with the
// certificates in `untrusted_pem` (zero or more PEM blocks, e.g. a cert-chain.pem) as candidate
// intermediates. Throws pki::Error only when an input does not parse.
VerifyResult VerifyChain(std::string_view cert_pem, std::string_view untrusted_pem,
                         std::string_view root_pem, std::chrono::system_clock::time_point at);

}  // namespace meshform::pki
