// Filling in what is already known: placeholders whose values the store holds are replaced by
// their values; the others stay, to be filled while applying. Secrets' stringData is folded into
// data (base64), as the API server stores it, so that desired and live compare field by field.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/values/value_store.h"

namespace meshform::plan {

nlohmann::json SubstituteKnown(const nlohmann::json& document, const values::ValueStore& values);

// A v1 Secret's stringData moved into data (base64-encoding values, and plain placeholders
// getting encoding base64). Other objects are returned unchanged.
nlohmann::json NormalizeSecret(const nlohmann::json& object);

}  // namespace meshform::plan
