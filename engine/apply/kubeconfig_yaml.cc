// The remote secret's kubeconfig (see kubeconfig_yaml.h). clientcmd writes the keys of each
// map in alphabetical order, two-space indentation, lists not indented under their key, and
// `preferences: {}`.
#include "engine/apply/kubeconfig_yaml.h"

namespace meshform::apply {

std::string RemoteSecretKubeconfig(const RemoteKubeconfig& k) {
  std::string out;
  out += "apiVersion: v1\n";
  out += "clusters:\n";
  out += "- cluster:\n";
  out += "    certificate-authority-data: " + k.ca_data + "\n";
  out += "    server: " + k.server + "\n";
  out += "  name: " + k.name + "\n";
  out += "contexts:\n";
  out += "- context:\n";
  out += "    cluster: " + k.name + "\n";
  out += "    user: " + k.name + "\n";
  out += "  name: " + k.name + "\n";
  out += "current-context: " + k.name + "\n";
  out += "kind: Config\n";
  out += "preferences: {}\n";
  out += "users:\n";
  out += "- name: " + k.name + "\n";
  out += "  user:\n";
  out += "    token: " + k.token + "\n";
  return out;
}

}  // namespace meshform::apply
