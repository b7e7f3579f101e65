// Fields the API server refuses to change in place (HTTP 422 "field is immutable"): a change of
// one plans a replace (delete, then create) with the field named as the reason. Data, from the
// API types' validation; a dry-run 422 that says "immutable" catches the rest.
#pragma once

#include <optional>
#include <string>

#include "engine/ssa/object_diff.h"

namespace meshform::ssa {

// The immutable field among `diff`'s changes of an object of `api_version`/`kind`, if any,
// e.g. ".spec.selector".
std::optional<std::string> ImmutableChange(const std::string& api_version, const std::string& kind,
                                           const ObjectDiff& diff);

}  // namespace meshform::ssa
