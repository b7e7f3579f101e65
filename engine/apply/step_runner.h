// The boundary between the executor (what runs when, journal, rollback) and the work of a step
// (talking to clusters, generating values). The real implementation is KubeStepRunner
// (kube_step_runner.h); unit tests use fakes, and FaultInjectingRunner (tests/support) wraps either
// to fail a chosen step.
#pragma once

#include "engine/apply/journal.h"
#include "engine/plan/plan.h"

namespace meshform::apply {

class StepRunner {
 public:
  virtual ~StepRunner() = default;
  // Performs `change`. Before every write, records the prior state in `journal` (Record), and
  // marks it applied after (MarkApplied). Throws (meshform::Error) on failure; effects already
  // recorded are undone by rollback.
  virtual void Run(const plan::Change& change, Journal& journal) = 0;
  // Undoes one recorded effect (created -> deleted, updated -> restored, deleted -> recreated,
  // value -> previous value). Idempotent; throws on failure.
  virtual void Undo(const Effect& effect) = 0;
};

}  // namespace meshform::apply
