// Plan-time resolution of generated and observed values: what can be known before applying is
// put in the ValueStore (a root CA stored by an earlier apply or read from files, a cacerts
// Secret that is still good, a filled token Secret, an assigned load-balancer address, the
// clusters' endpoints); everything else is planned for creation with the reason. How each type is
// read: engine/values.
#pragma once

#include <map>
#include <string>

#include "engine/plan/live_state.h"
#include "engine/plan/plan.h"
#include "engine/values/context.h"
#include "resources/resource.h"

namespace meshform::plan {

struct ValueDecision {
  Action action = Action::kCreate;  // kNoOp: known now; kCreate: produced while applying
  std::string reason;
};

// Resolves every value of `set` that can be known now into context.store.
std::map<std::string, ValueDecision> ResolveValues(const resources::ResourceSet& set,
                                                   const LiveState& live, values::Context& context);

}  // namespace meshform::plan
