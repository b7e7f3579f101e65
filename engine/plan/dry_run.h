// Confirms a local diff with the API server: a server-side-apply dry run (dryRun=All) of the
// desired object shows what the server would really store, defaulting and normalisation
// included. Changes whose paths end up equal to the live values are dropped; a 422 saying a
// field is immutable turns the update into a replace; an SSA conflict names the other manager.
#pragma once

#include "engine/kube/client.h"
#include "engine/plan/plan.h"

namespace meshform::plan {

// Adjusts `change` (an update) in place. Throws meshform::Error for other server refusals.
void ConfirmWithDryRun(kube::Client& client, Change& change);

}  // namespace meshform::plan
