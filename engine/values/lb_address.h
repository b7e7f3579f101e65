// lb-address {address}: a LoadBalancer Service's address, status.loadBalancer.ingress[0] (its
// ip, else its hostname), once the cloud controller assigned one. The readiness rule
// "Service load-balancer address" (engine/readiness) uses the same reader.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "engine/kube/resource.h"
#include "engine/values/value_store.h"

namespace meshform::values {

// The assigned address; none while there is no ingress entry with a non-empty ip or hostname.
std::optional<ValueStore::Fields> LbAddressFromService(const nlohmann::json& service);

// The Service named by the value's params (namespace, service), and as an object to wait on
// (type LoadBalancer selects the readiness rule).
kube::ObjectRef LbServiceRef(const nlohmann::json& params);
nlohmann::json LbServiceObject(const nlohmann::json& params);

}  // namespace meshform::values
