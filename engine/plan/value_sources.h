// How each kind of value (resources/values.h) is read from live objects or built from other
// values. Pure functions, shared by plan (which resolves what is already known) and apply
// (which produces the rest). Returned fields are raw (decoded), never base64 unless the field
// is defined as base64 (caData).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "engine/kube/kubeconfig.h"
#include "engine/plan/value_store.h"

namespace meshform::plan {

// service-account-token: {token, ca.crt} of a token Secret the controller has filled.
std::optional<ValueStore::Fields> TokenFromSecret(const nlohmann::json& secret);

// lb-address: {address} from status.loadBalancer.ingress[0] (ip, else hostname).
std::optional<ValueStore::Fields> LbAddressFromService(const nlohmann::json& service);

// cluster-endpoint: {server, caData} (caData: base64 of the CA PEM, "" when none).
ValueStore::Fields EndpointFromConfig(const kube::ClusterConfig& config);

// ca-root / ca-intermediate from the Secret meshform stored it in: {cert, key} from ca.crt /
// ca.key (root), or {cert, key, chain, root} from a cacerts Secret.
std::optional<ValueStore::Fields> RootCaFromSecret(const nlohmann::json& secret);
std::optional<ValueStore::Fields> IntermediateFromCacerts(const nlohmann::json& secret);

// kubeconfig: the remote kubeconfig exactly as `istioctl create-remote-secret` of the seed's
// Istio (1.7; up to 1.27) writes it: cluster, context and user all named `name`, keys sorted as
// client-go's encoder writes them, with `preferences: {}`.
std::string RemoteKubeconfig(const std::string& name, const std::string& server,
                             const std::string& ca_data_base64, const std::string& token);

// A Secret's data (base64 values) decoded; keys with invalid base64 are left out.
std::map<std::string, std::string> DecodedSecretData(const nlohmann::json& secret);

}  // namespace meshform::plan
