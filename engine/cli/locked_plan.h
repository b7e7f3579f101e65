// What apply and destroy share before they write anything: connect, take the topology's lock,
// then plan (the lock comes before any live state is read); and, after a person approved, plan
// again and refuse when anything moved while the prompt waited.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "engine/apply/run.h"
#include "engine/cli/plan_pipeline.h"
#include "engine/plan/saved_plan.h"

namespace meshform::cli {

struct LockedPlan {
  Planned planned;                        // declared first, destroyed last: the lock uses a client
  std::unique_ptr<apply::HeldLock> held;  // released when this goes (or by apply::RunHeld)
};

// Loads, connects, takes the lock (waiting up to run.lock_wait), then plans. With `preflight`,
// first reviews the lock's permissions (before taking it) and then every permission the plan
// (and its rollback, unless run.rollback is off) needs: when any is missing, every missing one
// is printed by cluster and nothing is written (the lock is released and its state removed when
// nothing else of the topology is left). Nothing when any of it fails (why on stderr).
std::optional<LockedPlan> PlanUnderLock(const PlanRequest& request, const apply::RunOptions& run,
                                        bool preflight = true);

// True, with every problem on stderr ("Error: <what>; nothing was <done>:"), when `fresh` is not
// the plan `recorded` describes.
bool RefuseIfMoved(const plan::SavedPlan& recorded, const plan::Plan& fresh,
                   const std::string& what, const std::string& done);

// After an interactive approval: plans again under the lock and refuses (true) when anything
// moved since the plan that was shown.
bool MovedWhileShown(LockedPlan& locked, const PlanRequest& request, const std::string& done);

}  // namespace meshform::cli
