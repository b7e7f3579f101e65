// ca-root {cert, key}: the mesh's root CA. Read from the Secret an earlier apply stored it in
// (meshform-system/meshform-root-ca-<topology>, keys ca.crt and ca.key), loaded from the
// topology's certFile/keyFile, or generated (as Istio's tools/certs Makefiles do).
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>

#include "engine/values/value_store.h"

namespace meshform::values {

// Plan: the root stored by an earlier apply, when the Secret holds both keys.
std::optional<ValueStore::Fields> RootCaFromSecret(const nlohmann::json& secret);
// Plan: the root from the value's params certFile/keyFile. Throws pki::Error naming the file.
ValueStore::Fields RootCaFromFiles(const nlohmann::json& params);
// Apply: a new root from the value's params (commonName, organization, validityDays).
ValueStore::Fields GenerateRootCa(const nlohmann::json& params,
                                  std::chrono::system_clock::time_point now);

}  // namespace meshform::values
