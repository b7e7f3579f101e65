// Reading a certificate's identity and validity, for plans ("valid until ...") and for
// AssessIntermediate.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace meshform::pki {

struct CertInfo {
  std::string subject;  // one line, as `openssl x509 -subject`: "O = Istio, CN = Root CA"
  std::string issuer;
  std::chrono::system_clock::time_point not_before;
  std::chrono::system_clock::time_point not_after;
  bool is_ca = false;                  // basicConstraints CA:true
  int path_length = -1;                // basicConstraints pathlen, -1 when absent
  std::string serial;                  // upper-case hex, as `openssl x509 -serial`
  std::string sha256_fingerprint;      // "AB:CD:...", as `openssl x509 -fingerprint -sha256`
  std::vector<std::string> dns_names;  // subjectAltName DNS entries
};

// Parses exactly one PEM certificate; `what` names it in errors.
CertInfo Inspect(std::string_view cert_pem, std::string_view what = "certificate");

// "2027-11-25 17:56:40 UTC".
std::string FormatTime(std::chrono::system_clock::time_point time);

}  // namespace meshform::pki
