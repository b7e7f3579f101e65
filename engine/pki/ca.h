// Generating the mesh's certificate authorities, following Istio's tools/certs conventions:
// one root CA per topology (self-signed) and one intermediate CA per cluster, signed by the
// root, that becomes the cluster's istio-system/cacerts Secret (see cacerts.h).
// All functions are reentrant: several intermediates may be issued from several threads at once.
#pragma once

#include <chrono>
#include <string>

#include "engine/pki/keys.h"

namespace meshform::pki {

// A certificate and its private key, both PEM (the key as PKCS#8). The key is secret: never
// log or print it.
struct CaBundle {
  std::string cert_pem;
  std::string key_pem;
};
using KeyPair = CaBundle;

// Root CA: subject "O = <organization>, CN = <common_name>", self-signed with SHA-256,
// basicConstraints=critical,CA:true; keyUsage=critical,digitalSignature,nonRepudiation,
// keyEncipherment,keyCertSign; subjectKeyIdentifier; a random 128-bit serial.
struct RootParams {
  std::string common_name = "Root CA";
  std::string organization = "Istio";
  int validity_days = 3650;
  KeyType key_type = KeyType::kRsa4096;
};

// Intermediate CA of one cluster: subject "O = <organization>, CN = <common_name>,
// L = <cluster>", basicConstraints=critical,CA:true,pathlen:0, the root's keyUsage,
// subjectAltName DNS:<san_dns>, subject and authority key identifiers, signed by the root.
struct IntermediateParams {
  std::string cluster;
  std::string common_name = "Intermediate CA";
  std::string organization = "Istio";
  int validity_days = 3650;
  KeyType key_type = KeyType::kRsa4096;
  std::string san_dns = "istiod.istio-system.svc";
};

// Validity starts at `now` and lasts validity_days (> 0).
CaBundle GenerateRoot(const RootParams& params, std::chrono::system_clock::time_point now);

// `root` must be a CA certificate with its matching key (else pki::Error).
CaBundle IssueIntermediate(const CaBundle& root, const IntermediateParams& params,
                           std::chrono::system_clock::time_point now);

}  // namespace meshform::pki
