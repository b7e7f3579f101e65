// CacertsData and CacertsFromData (cacerts.h).
#include "engine/pki/cacerts.h"

namespace meshform::pki {
namespace {

std::string WithFinalNewline(std::string_view pem) {
  std::string text(pem);
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text;
}

std::string ValueOf(const std::map<std::string, std::string>& data, std::string_view key) {
  auto it = data.find(std::string(key));
  return it == data.end() ? std::string() : it->second;
}

}  // namespace

std::map<std::string, std::string> CacertsData(const CaBundle& intermediate,
                                               std::string_view root_cert_pem) {
  std::string ca_cert = WithFinalNewline(intermediate.cert_pem);
  std::string root_cert = WithFinalNewline(root_cert_pem);
  return {
      {std::string(kCaCertKey), ca_cert},
      {std::string(kCaKeyKey), intermediate.key_pem},
      {std::string(kRootCertKey), root_cert},
      {std::string(kCertChainKey), ca_cert + root_cert},
  };
}

CacertsPems CacertsFromData(const std::map<std::string, std::string>& data) {
  return {ValueOf(data, kCaCertKey), ValueOf(data, kCaKeyKey), ValueOf(data, kRootCertKey),
          ValueOf(data, kCertChainKey)};
}

}  // namespace meshform::pki
