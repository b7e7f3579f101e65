// X509 ↔ PEM, shared inside engine/pki. `what` names the certificate in error messages
// ("ca-cert.pem", "root certificate").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/pki/openssl_ptr.h"

namespace meshform::pki::internal {

// Exactly one PEM certificate (leading/trailing text outside the block is ignored).
X509Ptr ParseCertificate(std::string_view pem, std::string_view what);

// One or more PEM certificates, in order.
std::vector<X509Ptr> ParseCertificates(std::string_view pem, std::string_view what);

std::string CertificateToPem(X509* cert);

// A name on one line, as `openssl x509 -subject` prints it: "O = Istio, CN = Root CA".
std::string NameOneLine(const X509_NAME* name);

// True when both certificates have the same DER encoding.
bool SameCertificate(X509* a, X509* b);

}  // namespace meshform::pki::internal
