#include "engine/plan/value_sources.h"

#include "engine/kube/base64.h"

namespace meshform::plan {

using nlohmann::json;

std::map<std::string, std::string> DecodedSecretData(const json& secret) {
  std::map<std::string, std::string> out;
  if (!secret.contains("data") || !secret["data"].is_object()) return out;
  for (const auto& [key, value] : secret["data"].items()) {
    if (!value.is_string()) continue;
    if (auto decoded = kube::Base64Decode(value.get<std::string>())) out[key] = *decoded;
  }
  return out;
}

std::optional<ValueStore::Fields> TokenFromSecret(const json& secret) {
  auto data = DecodedSecretData(secret);
  if (data["token"].empty()) return std::nullopt;
  return ValueStore::Fields{{"token", data["token"]}, {"ca.crt", data["ca.crt"]}};
}

std::optional<ValueStore::Fields> LbAddressFromService(const json& service) {
  auto ptr = json::json_pointer("/status/loadBalancer/ingress");
  if (!service.contains(ptr) || !service[ptr].is_array() || service[ptr].empty()) {
    return std::nullopt;
  }
  const json& first = service[ptr][0];
  std::string address = first.value("ip", "");
  if (address.empty()) address = first.value("hostname", "");
  if (address.empty()) return std::nullopt;
  return ValueStore::Fields{{"address", address}};
}

ValueStore::Fields EndpointFromConfig(const kube::ClusterConfig& config) {
  std::string ca = config.tls.ca_pem.empty() ? "" : kube::Base64Encode(config.tls.ca_pem);
  return {{"server", config.server}, {"caData", ca}};
}

std::optional<ValueStore::Fields> RootCaFromSecret(const json& secret) {
  auto data = DecodedSecretData(secret);
  if (data["ca.crt"].empty() || data["ca.key"].empty()) return std::nullopt;
  return ValueStore::Fields{{"cert", data["ca.crt"]}, {"key", data["ca.key"]}};
}

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

std::string RemoteKubeconfig(const std::string& name, const std::string& server,
                             const std::string& ca_data_base64, const std::string& token) {
  std::string out = "apiVersion: v1\nclusters:\n- cluster:\n";
  out += "    certificate-authority-data: " + ca_data_base64 + "\n";
  out += "    server: " + server + "\n";
  out += "  name: " + name + "\n";
  out += "contexts:\n- context:\n    cluster: " + name + "\n    user: " + name + "\n";
  out += "  name: " + name + "\n";
  out += "current-context: " + name + "\nkind: Config\npreferences: {}\nusers:\n";
  out += "- name: " + name + "\n  user:\n    token: " + token + "\n";
  return out;
}

}  // namespace meshform::plan
