// The kubeconfig inside an Istio remote secret, byte for byte as `istioctl x
// create-remote-secret` writes it (client-go's clientcmd serialization): one cluster, one
// context and one user, all named after the remote cluster, authenticating with a token.
#pragma once

#include <string>

namespace meshform::apply {

struct RemoteKubeconfig {
  std::string name;     // the remote cluster's name
  std::string server;   // https://host:port
  std::string ca_data;  // base64 PEM (certificate-authority-data)
  std::string token;    // the reader service account's token (secret)
};

std::string RemoteSecretKubeconfig(const RemoteKubeconfig& k);

}  // namespace meshform::apply
