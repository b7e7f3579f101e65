// A plan read back from its JSON document (plan_json.h; a saved plan file's body), for showing
// it again (`meshform show`) exactly as `meshform plan` showed it, without any cluster.
//
// What the document holds is what the plan showed: redacted values stay "(sensitive)", values
// known only after apply become placeholders again (so that they show as "(known after apply)";
// a field whose real value was that very string shows as a placeholder too), field paths keep
// their shown form. The live objects and the values known at plan time are not in the
// document: such a plan can be shown, not applied.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/plan/plan.h"

namespace meshform::plan {

// Throws meshform::Error naming the change and the member that is missing or malformed.
Plan PlanFromJson(const nlohmann::json& document);

}  // namespace meshform::plan
