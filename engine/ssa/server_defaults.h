// Values API servers fill in inside atomic lists. meshform compares an atomic list whole (it
// owns the list, not its items' fields), so without these a desired list would always differ
// from its live, defaulted copy and every plan would need a dry run to find out that nothing
// changed. Data, like list_types: one row per (group, parent field, list, item field).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/ssa/field_path.h"

namespace meshform::ssa {

// `desired` (the desired value at `path` of an object of `api_version`) with the defaults the
// server would add; unchanged when no row applies.
nlohmann::json WithServerDefaults(const std::string& api_version, const Path& path,
                                  nlohmann::json desired);

}  // namespace meshform::ssa
