#include "engine/values/remote_kubeconfig.h"

#include "resources/placeholder.h"

namespace meshform::values {

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

ValueStore::Fields BuildRemoteKubeconfig(const nlohmann::json& params, const ValueStore& store) {
  nlohmann::json p = resources::Substitute(
      params,
      [&](const std::string& from, const std::string& field) { return store.Field(from, field); });
  return {{"kubeconfig",
           RemoteKubeconfig(p.value("name", ""), p.value("server", ""),
                            p.value("certificateAuthorityData", ""), p.value("token", ""))}};
}

}  // namespace meshform::values
