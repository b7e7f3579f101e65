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

}  // namespace meshform::apply
