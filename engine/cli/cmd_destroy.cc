// meshform destroy: a plan in destroy mode (only owned objects, dependents first, the inventory
// last), shown, confirmed on a terminal unless -auto-approve, executed under the lock; deletes
// wait until the objects (namespaces included) are really gone. -json: as for apply.
#include <iostream>

#include "engine/apply/run.h"
#include "engine/cli/command.h"
#include "engine/cli/locked_plan.h"
#include "engine/cli/plan_pipeline.h"
#include "engine/cli/run_options.h"
#include "engine/cli/state_cleanup.h"
#include "engine/cli/views/prompt.h"
#include "engine/cli/views/run_view.h"

namespace meshform::cli {

namespace {

po::options_description DestroyOptions() {
  return RunFlags("Destroy", "on failure, leave the partial state instead of recreating",
                  "seconds to wait for deletions");
}

// Everything after parsing, shown through `view`; returns the exit code.
int Destroy(const po::variables_map& vars, RunView& view) {
  if (RefusedWithoutApproval(vars, "destroy", false)) return 1;
  PlanRequest request = RequestFrom(vars, plan::Mode::kDestroy);
  apply::RunOptions run = RunOptionsFrom(vars);
  // The lock first, then the live state (see cmd_apply.cc).
  auto locked = PlanUnderLock(request, run, vars.count("skip-preflight") == 0);
  if (!locked) return 1;
  Planned& planned = locked->planned;
  view.ShowPlan(planned.plan, false);
  if (!planned.plan.HasChanges()) {
    locked->held.reset();
    RemoveUnusedState(planned, run.wait_timeout);  // the lock's Lease, when nothing else is left
    return 0;
  }
  bool asked = vars.count("auto-approve") == 0;
  if (!Approved(!asked,
                {"destroy", "Do you really want to destroy all resources?",
                 "meshform will destroy all the managed objects shown above. There is no undo."})) {
    return 1;
  }
  // A person may have changed an object while the prompt waited: destroy only what was shown.
  if (asked && MovedWhileShown(*locked, request, "destroyed")) return 1;
  int result =
      apply::RunHeld(planned.plan, *planned.clients, run, view.status(), *locked->held, std::cerr);
  if (result == 0) RemoveUnusedState(planned, run.wait_timeout);
  view.RunDone();  // after the state's removal: its time is in the timings
  return result;
}

}  // namespace

int RunDestroy(const Args& raw_args) {
  po::options_description options;
  options.add(TopologyOptions());
  options.add(ClusterOptions());
  options.add(DestroyOptions());
  auto parsed = ParseCommand("destroy", "-f FILE [-auto-approve] [--parallelism N] [-json]",
                             options, raw_args);
  if (parsed.exit_code) return *parsed.exit_code;
  auto view = MakeRunView(parsed.vars.count("json") > 0, "destroy");
  int code = Destroy(parsed.vars, *view);
  view->Ended(code);
  return code;
}

}  // namespace meshform::cli
