// The execution graph of a plan: a graph::Dag (meshform's one DAG type) with one node per
// change, in plan order, each depending on the changes it must wait for. Apply mode follows
// `resource.depends_on` (dependencies first); destroy mode reverses it (dependents first), and
// so does apply mode between two deletes (prunes). Dependencies on addresses outside the plan
// are ignored (--target narrows a plan). Rollback runs the same graph reversed.
#pragma once

#include "engine/graph/dag.h"
#include "engine/plan/plan.h"

namespace meshform::apply {

// Throws meshform::Error naming the steps of a cycle: a cycle would leave them never started.
graph::Dag ExecutionGraph(const plan::Plan& plan);

// Steps whose objects a namespace's deletion removes (ns_of[i]: the step deleting i's namespace,
// SIZE_MAX for the others) send nothing themselves: whatever waited for such a step (waits[x]
// lists what x waits for) waits for the namespace's step instead, unless it is in the same
// namespace; where that would close a cycle, the edge stays as it was. Used by destroy
// (plan/namespace_cascade.h) and by rollback (objects created inside a namespace the run
// created).
void RedirectToNamespaces(const std::vector<size_t>& ns_of,
                          std::vector<std::vector<size_t>>& waits);

}  // namespace meshform::apply
