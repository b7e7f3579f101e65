// The executor of `meshform apply` and `meshform destroy`: runs a plan's changes over its
// dependency graph in parallel (scheduler.h), each through a StepRunner that journals before
// writing; on the first failure no new step starts, running steps finish, and (unless
// --no-rollback) every step with journaled effects is undone in reverse dependency order
// (rollback.h). Progress and the summary go to a Status.
#pragma once

#include <atomic>
#include <chrono>

#include "engine/apply/journal.h"
#include "engine/apply/result.h"
#include "engine/apply/status.h"
#include "engine/apply/step_runner.h"
#include "engine/plan/plan.h"

namespace meshform::apply {

struct ExecuteOptions {
  int parallelism = 32;  // --parallelism: steps (and undos) running at once
  bool rollback = true;  // false: --no-rollback
  std::chrono::milliseconds progress_interval{10000};  // "Still waiting for ..." cadence
  // When set and true (the lock was lost), steps not yet started fail instead of running, and
  // the run ends kLockLost without rolling back (a rollback would write too).
  const std::atomic<bool>* cancel = nullptr;
};

ExecuteResult Execute(const plan::Plan& plan, StepRunner& runner, Journal& journal, Status& status,
                      const ExecuteOptions& options);

}  // namespace meshform::apply
