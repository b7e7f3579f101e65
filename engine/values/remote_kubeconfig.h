// kubeconfig {kubeconfig}: the kubeconfig inside an Istio remote secret, byte for byte as
// `istioctl create-remote-secret` of the seed's Istio (1.7; up to 1.27) writes it (client-go's
// clientcmd encoder): one cluster, one context and one user, all named after the remote
// cluster, authenticating with the reader service account's token. One writer for plan and
// apply, so that a plan never sees its own apply's output as drift.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/values/value_store.h"

namespace meshform::values {

// Keys of each map in alphabetical order, two-space indentation, lists not indented under their
// key, and `preferences: {}`.
std::string RemoteKubeconfig(const std::string& name, const std::string& server,
                             const std::string& ca_data_base64, const std::string& token);

// The value built from its params (name, and placeholders for server, certificateAuthorityData
// and token), filled from `store`. Throws meshform::Error naming the first value not known yet.
ValueStore::Fields BuildRemoteKubeconfig(const nlohmann::json& params, const ValueStore& store);

}  // namespace meshform::values
