#include "engine/cli/locked_plan.h"

#include <iostream>

#include "engine/check/preflight.h"
#include "engine/cli/previous_run_warning.h"
#include "engine/cli/state_cleanup.h"
#include "engine/cli/views/check_text.h"
#include "engine/kube/retry.h"
#include "engine/state/lock.h"

namespace meshform::cli {

namespace {

// Prints the failed and warning checks; true when any failed.
bool Refused(const std::vector<check::Check>& checks) {
  check::Report report;
  for (const auto& c : checks) {
    if (c.result != check::Result::kPass) report.checks.push_back(c);
  }
  if (report.checks.empty()) return false;
  if (report.Failed()) {
    std::cerr << "Error: the preflight found what this run may not do; nothing was changed:\n";
  }
  std::cerr << RenderCheckText(report);
  if (report.Failed()) std::cerr << "(--skip-preflight runs without these checks.)\n";
  return report.Failed();
}

std::vector<std::string> ClusterNames(const Planned& planned) {
  std::vector<std::string> out;
  for (const auto& c : planned.compiled.topology.clusters) out.push_back(c.name);
  return out;
}

}  // namespace

std::optional<LockedPlan> PlanUnderLock(const PlanRequest& request, const apply::RunOptions& run,
                                        bool preflight) {
  PlanRequest for_run = request;
  for_run.unreachable_budget = kube::kRunUnreachableBudget;  // ride out an API server's restart
  auto planned = LoadAndConnect(for_run, std::cerr);
  if (!planned) return std::nullopt;
  LockedPlan locked{std::move(*planned), nullptr};
  const std::string host = InventoryClusterOf(locked.planned);
  try {
    if (preflight && Refused(check::LockPermissionChecks(*locked.planned.clients, host,
                                                         state::kLockNamespace, run.parallelism))) {
      return std::nullopt;
    }
  } catch (const std::exception& e) {
    std::cerr << "Error: the preflight could not review the lock's permissions: " << e.what()
              << "\n";
    return std::nullopt;
  }
  locked.held = apply::TakeRunLock(locked.planned.clients->For(host),
                                   locked.planned.compiled.topology.name, run, std::cerr);
  if (!locked.held) return std::nullopt;
  WarnAboutPreviousRun(locked.planned.compiled.topology.name, run.journal_folder,
                       "This run plans from the clusters as they are now and converges them.",
                       std::cerr);
  if (!PlanAgain(locked.planned, request, std::cerr)) return std::nullopt;
  if (!preflight || !locked.planned.plan.HasChanges()) return locked;
  bool refused = true;
  try {
    check::PreflightOptions options;
    options.rollback = run.rollback;
    options.parallelism = run.parallelism;
    refused = Refused(check::PlanPermissionChecks(
        *locked.planned.clients, ClusterNames(locked.planned), locked.planned.plan, "", options));
  } catch (const std::exception& e) {
    std::cerr << "Error: the preflight could not review the plan's permissions: " << e.what()
              << "\n";
  }
  if (!refused) return locked;
  // Nothing of the plan was written: give the lock back, and its state if nothing else is left.
  locked.held.reset();
  RemoveUnusedState(locked.planned, run.wait_timeout);
  return std::nullopt;
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
