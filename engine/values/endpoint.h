// cluster-endpoint {server, caData}: the API server URL of a cluster's kubeconfig context and
// its CA (base64 of the PEM, "" when the context names none).
#pragma once

#include <nlohmann/json.hpp>

#include "engine/kube/kubeconfig.h"
#include "engine/values/context.h"

namespace meshform::values {

ValueStore::Fields EndpointFromConfig(const kube::ClusterConfig& config);

// The endpoint of the value's params (cluster, context): from the cluster's client when the
// context has one, else read from the kubeconfig (context.kubeconfig_path).
ValueStore::Fields ProduceEndpoint(const nlohmann::json& params, const Context& context);

}  // namespace meshform::values
