// ca-intermediate {cert, key, chain, root}: one cluster's intermediate CA, signed by the root
// (ca-root). Read back from the cluster's istio-system/cacerts Secret, or issued; `chain` is
// cert followed by root, as Istio's cert-chain.pem.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>

#include "engine/values/value_store.h"

namespace meshform::values {

// Plan: the intermediate in a cacerts Secret, when all four of its keys are there. Whether it
// is still good enough to reuse is pki::AssessIntermediate's call.
std::optional<ValueStore::Fields> IntermediateFromCacerts(const nlohmann::json& secret);
// Apply: a new intermediate from the value's params (cluster, subject, validityDays,
// dnsNames), signed by the root in `store`. Throws meshform::Error when the root is unknown.
ValueStore::Fields IssueIntermediateCa(const nlohmann::json& params, const ValueStore& store,
                                       std::chrono::system_clock::time_point now);

}  // namespace meshform::values
