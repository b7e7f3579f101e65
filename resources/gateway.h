// The cross-network Gateway in every cluster, as in the seed's cluster-aware-gateway.yaml:
// selector istio=ingressgateway, one TLS server on the network's gateway port with
// tls.mode AUTO_PASSTHROUGH for hosts "*.local". It waits for the Gateway CRD (ordering rules).
#pragma once

#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::resources {

inline constexpr const char* kCrossNetworkGateway = "cluster-aware-gateway";

void CompileGateways(const topology::Topology& t, ResourceSet& out);

json CrossNetworkGatewayObject(int port);

}  // namespace meshform::resources
