#include "engine/values/intermediate_ca.h"

#include "engine/pki/ca.h"
#include "engine/values/secret_data.h"
#include "resources/values.h"

namespace meshform::values {

using nlohmann::json;

std::optional<ValueStore::Fields> IntermediateFromCacerts(const json& secret) {
  auto data = DecodedSecretData(secret);
  for (const char* key : {"ca-cert.pem", "ca-key.pem", "cert-chain.pem", "root-cert.pem"}) {
    if (data[key].empty()) return std::nullopt;
  }
  return ValueStore::Fields{{"cert", data["ca-cert.pem"]},
                            {"key", data["ca-key.pem"]},
                            {"chain", data["cert-chain.pem"]},
                            {"root", data["root-cert.pem"]}};
}

ValueStore::Fields IssueIntermediateCa(const json& params, const ValueStore& store,
                                       std::chrono::system_clock::time_point now) {
  std::string root_address = resources::RootCaAddress();
  pki::CaBundle root{store.Field(root_address, "cert"), store.Field(root_address, "key")};
  // Keys are RSA 4096 (pki's default), the only size the compiled params ask for.
  pki::IntermediateParams p;
  p.cluster = params.value("cluster", "");
  const json& subject = params.value("subject", json::object());
  p.common_name = subject.value("CN", p.common_name);
  p.organization = subject.value("O", p.organization);
  p.validity_days = params.value("validityDays", p.validity_days);
  if (params.contains("dnsNames") && !params["dnsNames"].empty()) {
    p.san_dns = params["dnsNames"][0].get<std::string>();
  }
  pki::CaBundle ca = pki::IssueIntermediate(root, p, now);
  return {{"cert", ca.cert_pem},
          {"key", ca.key_pem},
          {"chain", ca.cert_pem + root.cert_pem},
          {"root", root.cert_pem}};
}

}  // namespace meshform::values
