// service-account-token {token, ca.crt}: the token of the remote cluster's reader service
// account, from the token Secret named in the value's params (cluster, namespace, secret) once
// the API server's token controller has filled it.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "engine/kube/resource.h"
#include "engine/values/value_store.h"

namespace meshform::values {

// The token Secret of a token value (`cluster` is the value's own when params name none).
std::string TokenCluster(const nlohmann::json& params, const std::string& cluster);
kube::ObjectRef TokenSecretRef(const nlohmann::json& params);
// The token Secret as an object to wait on (its type selects the readiness rule "token issued").
nlohmann::json TokenSecretObject(const nlohmann::json& params);

// Plan and apply: {token, ca.crt} of a filled token Secret; none while the token is empty.
std::optional<ValueStore::Fields> TokenFromSecret(const nlohmann::json& secret);

// Apply: `fields` with ca.crt taken from the cluster's endpoint value when the Secret had none.
// Throws meshform::Error (naming `address` and the Secret) when no CA is known at all.
ValueStore::Fields WithClusterCa(ValueStore::Fields fields, const std::string& address,
                                 const nlohmann::json& params, const std::string& cluster,
                                 const ValueStore& store);

}  // namespace meshform::values
