// The istio-system/cacerts Secret that Istio's plug-in CA reads: its four data keys, and the
// conversion between a (cluster intermediate, root) pair and the Secret's data.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "engine/pki/ca.h"

namespace meshform::pki {

inline constexpr std::string_view kCaCertKey = "ca-cert.pem";        // the intermediate
inline constexpr std::string_view kCaKeyKey = "ca-key.pem";          // its private key (secret)
inline constexpr std::string_view kRootCertKey = "root-cert.pem";    // the trust anchor
inline constexpr std::string_view kCertChainKey = "cert-chain.pem";  // intermediate, then root

// The four PEM values of a cacerts Secret; an empty string is a missing key.
struct CacertsPems {
  std::string ca_cert;
  std::string ca_key;
  std::string root_cert;
  std::string cert_chain;
};

// The Secret's data (decoded values) for a cluster's intermediate and the topology's root:
// cert-chain.pem is ca-cert.pem followed by root-cert.pem, as Istio's Makefile writes it.
std::map<std::string, std::string> CacertsData(const CaBundle& intermediate,
                                               std::string_view root_cert_pem);

// The four values out of a Secret's decoded data; absent keys stay empty.
CacertsPems CacertsFromData(const std::map<std::string, std::string>& data);

}  // namespace meshform::pki
