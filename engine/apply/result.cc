// Outcomes and exit codes (see result.h).
#include "engine/apply/result.h"

namespace meshform::apply {

int ExitCode(Outcome outcome) {
  switch (outcome) {
    case Outcome::kSucceeded:
      return 0;
    case Outcome::kRolledBack:
      return 1;
    case Outcome::kRollbackIncomplete:
      return 3;
    case Outcome::kPartial:
      return 4;
    case Outcome::kLockLost:
      return 5;
  }
  return 1;
}

const char* OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kSucceeded:
      return "succeeded";
    case Outcome::kRolledBack:
      return "rolled back";
    case Outcome::kRollbackIncomplete:
      return "rollback incomplete";
    case Outcome::kPartial:
      return "partial (no rollback)";
    case Outcome::kLockLost:
      return "lock lost (no rollback)";
  }
  return "unknown";
}

}  // namespace meshform::apply
