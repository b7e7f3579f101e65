// How a plan shows a value, in its text and its JSON alike: Secret data and every generated
// value as "(sensitive)", values known only after apply as "(known after apply)".
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/plan/plan.h"

namespace meshform::plan {

// Whether the field values of a change must be hidden (Secrets, generated values).
bool IsSensitive(const Change& change);

// A value as the plan shows it: "(sensitive)", "(known after apply)" or compact JSON (cut at
// 200 characters).
std::string ShowValue(const nlohmann::json& value, bool sensitive);

}  // namespace meshform::plan
