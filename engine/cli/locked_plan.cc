#include "engine/cli/locked_plan.h"

#include <iostream>

#include "engine/cli/previous_run_warning.h"

namespace meshform::cli {

std::optional<LockedPlan> PlanUnderLock(const PlanRequest& request, const apply::RunOptions& run) {
  auto planned = LoadAndConnect(request, std::cerr);
  if (!planned) return std::nullopt;
  LockedPlan locked{std::move(*planned), nullptr};
  locked.held = apply::TakeRunLock(locked.planned.clients->For(InventoryClusterOf(locked.planned)),
                                   locked.planned.compiled.topology.name, run, std::cerr);
  if (!locked.held) return std::nullopt;
  WarnAboutPreviousRun(locked.planned.compiled.topology.name, run.journal_folder,
                       "This run plans from the clusters as they are now and converges them.",
                       std::cerr);
  if (!PlanAgain(locked.planned, request, std::cerr)) return std::nullopt;
  return locked;
}

bool RefuseIfMoved(const plan::SavedPlan& recorded, const plan::Plan& fresh,
                   const std::string& what, const std::string& done) {
  auto problems = plan::StalePlanProblems(recorded, fresh);
  if (problems.empty()) return false;
  std::cerr << "Error: " << what << "; nothing was " << done << ":\n";
  for (const auto& p : problems) std::cerr << "  " << p << "\n";
  std::cerr << "Run 'meshform plan' again.\n";
  return true;
}

bool MovedWhileShown(LockedPlan& locked, const PlanRequest& request, const std::string& done) {
  plan::SavedPlan shown = plan::SavedPlanOf(locked.planned.plan, request.file);
  if (!PlanAgain(locked.planned, request, std::cerr)) return true;
  return RefuseIfMoved(shown, locked.planned.plan, "the clusters changed while the plan was shown",
                       done);
}

}  // namespace meshform::cli
