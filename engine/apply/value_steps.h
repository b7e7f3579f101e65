// Value steps: producing the values that exist only after apply (engine/values: one file per
// type says how each is read and produced) into the ValueStore, journaled so that rollback
// restores the store. What waits (a token Secret being filled, a load balancer assigning an
// address) waits through the step's Waiter, like every other object a step waits for.
#pragma once

#include "engine/apply/journal.h"
#include "engine/apply/waiter.h"
#include "engine/plan/plan.h"
#include "engine/values/context.h"

namespace meshform::apply {

// Computes the value of `change` and stores it in context.store (journaled). Throws
// meshform::Error.
void RunValueStep(const plan::Change& change, values::Context& context, Waiter& waiter,
                  Journal& journal);

// Puts the store back as it was before a journaled value write.
void UndoValueEffect(values::ValueStore& store, const Effect& effect);

}  // namespace meshform::apply
