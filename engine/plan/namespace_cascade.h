// Destroy at the speed of the servers: an object inside a namespace that the same destroy
// deletes is left to the namespace's deletion (the namespace controller removes its contents in
// bulk), so destroy waits once per namespace instead of deleting and waiting object by object.
// Such a change keeps its place in the plan (shown, counted, ordered) but carries
// `deleted_with`, the namespace's address: its step sends nothing, and what had to wait for its
// deletion waits for the namespace to be gone instead (custom resources before their CRD,
// KubeFed's federated objects before the KubeFedClusters that finalize them, the inventory
// last), apply/execution_graph.h. meshform's own state namespace is never deleted by a plan, so
// the inventory is always deleted on its own.
#pragma once

#include "engine/plan/plan.h"

namespace meshform::plan {

// Marks the changes of a destroy plan that their namespace's deletion removes. Apply plans are
// left alone: their rollback recreates each deleted object from its own journal entry.
void MarkNamespaceCascades(Plan& plan);

}  // namespace meshform::plan
