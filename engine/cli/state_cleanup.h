// After a destroy, or an apply that was rolled back completely: with the lock released, remove
// the lock's Lease and, once no topology's state is left in it, the namespace meshform-system,
// so that the host cluster is as it was before. Problems only warn (on stderr).
#pragma once

#include <chrono>

#include "engine/cli/plan_pipeline.h"

namespace meshform::cli {

void RemoveUnusedState(const Planned& planned, std::chrono::seconds wait_timeout);

}  // namespace meshform::cli
