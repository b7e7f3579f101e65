// What an apply or destroy run ended with: the outcome (and its exit code), the counts of the
// summary line, and the errors of the failed steps and of undos that did not succeed.
#pragma once

#include <string>
#include <vector>

namespace meshform::apply {

enum class Outcome {
  kSucceeded,           // every change applied
  kRolledBack,          // a step failed; every completed step was undone
  kRollbackIncomplete,  // a step failed; some undos failed too (listed)
  kPartial,             // a step failed; --no-rollback left the partial state
  kLockLost,            // the lock was lost: stopped, nothing undone (another run may be writing)
};

// 0 success; 1 failed and rolled back; 3 failed and the rollback is incomplete;
// 4 failed and left partial (--no-rollback); 5 the lock was lost and the run stopped without
// rolling back. (2 means "changes present" for plan.)
int ExitCode(Outcome outcome);
const char* OutcomeName(Outcome outcome);

struct StepError {
  std::string address;
  std::string message;
};

struct ExecuteResult {
  Outcome outcome = Outcome::kSucceeded;
  int added = 0;                       // objects created (replacements count here and in destroyed)
  int changed = 0;                     // objects updated
  int destroyed = 0;                   // objects deleted
  int completed_steps = 0;             // steps that finished (before a failure stopped the run)
  int undone_steps = 0;                // steps whose effects rollback undid
  std::vector<StepError> errors;       // failed steps
  std::vector<StepError> undo_errors;  // undos that failed
  // Objects this run deleted that the rollback created again: the same content, but a new
  // uid (and, for a LoadBalancer Service, maybe a new address; for a token Secret, a new token).
  std::vector<std::string> recreated;
};

}  // namespace meshform::apply
