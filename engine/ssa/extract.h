// The part of an object that one field manager owns: exactly what that manager would apply to
// hold the fields it holds (client-go calls this "extract"). Rollback applies the extract of an
// object's prior state to put meshform's fields back without touching what other managers
// changed since.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "engine/ssa/field_set.h"

namespace meshform::ssa {

// The fields `manager` holds on `object` through `operation` ("Apply" or "Update", main
// resource only; the status subresource's entries are ignored); nothing when it holds none.
std::optional<FieldSet> FieldsOf(const nlohmann::json& object, const std::string& manager,
                                 const std::string& operation = "Apply");

// `object` reduced to `fields` (list items keep their key fields), with apiVersion, kind,
// metadata.name and metadata.namespace always present.
nlohmann::json Extract(const nlohmann::json& object, const FieldSet& fields);

}  // namespace meshform::ssa
