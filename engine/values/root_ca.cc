#include "engine/values/root_ca.h"

#include "engine/pki/ca.h"
#include "engine/pki/files.h"
#include "engine/values/secret_data.h"

namespace meshform::values {

std::optional<ValueStore::Fields> RootCaFromSecret(const nlohmann::json& secret) {
  auto data = DecodedSecretData(secret);
  if (data["ca.crt"].empty() || data["ca.key"].empty()) return std::nullopt;
  return ValueStore::Fields{{"cert", data["ca.crt"]}, {"key", data["ca.key"]}};
}

ValueStore::Fields RootCaFromFiles(const nlohmann::json& params) {
  auto bundle = pki::LoadCaBundle(params.at("certFile"), params.at("keyFile"));
  return {{"cert", bundle.cert_pem}, {"key", bundle.key_pem}};
}

ValueStore::Fields GenerateRootCa(const nlohmann::json& params,
                                  std::chrono::system_clock::time_point now) {
  // Keys are RSA 4096 (pki's default), the only size the compiled params ask for.
  pki::RootParams p;
  p.common_name = params.value("commonName", p.common_name);
  p.organization = params.value("organization", p.organization);
  p.validity_days = params.value("validityDays", p.validity_days);
  pki::CaBundle root = pki::GenerateRoot(p, now);
  return {{"cert", root.cert_pem}, {"key", root.key_pem}};
}

}  // namespace meshform::values
