// Rollback: undoes the journaled effects of every step that wrote something, over the reversed
// execution graph (a step is undone only after every step that depended on it), in parallel
// where the graph allows. Within a step, effects are undone last first. Undo failures do not
// stop the rest: they are collected and make the rollback incomplete. What the run created
// inside a namespace it also created is left to that namespace's deletion, as destroy does
// (apply/execution_graph.h, RedirectToNamespaces): one delete and one wait per namespace, and
// those steps count as undone once the namespace is gone.
#pragma once

#include <vector>

#include "engine/apply/journal.h"
#include "engine/apply/result.h"
#include "engine/apply/status.h"
#include "engine/apply/step_runner.h"
#include "engine/graph/dag.h"
#include "engine/plan/plan.h"

namespace meshform::apply {

struct RollbackResult {
  int undone_steps = 0;
  std::vector<StepError> errors;
};

RollbackResult Rollback(const plan::Plan& plan, const graph::Dag& dag, StepRunner& runner,
                        Journal& journal, Status& status, int parallelism);

}  // namespace meshform::apply
