// meshform destroy: a plan in destroy mode (only owned objects, dependents first, the inventory
// last), shown, confirmed on a terminal unless -auto-approve, executed under the lock; deletes
// wait until the objects (namespaces included) are really gone.
#include <iostream>

#include "engine/apply/run.h"
#include "engine/cli/command.h"
#include "engine/cli/plan_pipeline.h"
#include "engine/cli/run_options.h"
#include "engine/cli/state_cleanup.h"
#include "engine/cli/views/plan_text.h"
#include "engine/cli/views/prompt.h"
#include "engine/cli/views/terminal_status.h"

namespace meshform::cli {

namespace {

po::options_description DestroyOptions() {
  return RunFlags("Destroy", "on failure, leave the partial state instead of recreating",
                  "seconds to wait for deletions");
}

}  // namespace

int RunDestroy(const Args& raw_args) {
  po::options_description options;
  options.add(TopologyOptions());
  options.add(ClusterOptions());
  options.add(DestroyOptions());
  auto parsed =
      ParseCommand("destroy", "-f FILE [-auto-approve] [--parallelism N]", options, raw_args);
  if (parsed.exit_code) return *parsed.exit_code;
  const auto& vars = parsed.vars;
  PlanRequest request = RequestFrom(vars, plan::Mode::kDestroy);
  auto planned = LoadAndPlan(request, std::cerr);
  if (!planned) return 1;
  plan::Plan& plan = planned->plan;
  std::cout << RenderPlanText(plan, {ColorWanted(), false});
  if (!plan.HasChanges()) return 0;
  if (!Approved(vars.count("auto-approve") > 0,
                {"destroy", "Do you really want to destroy all resources?",
                 "meshform will destroy all the managed objects shown above. There is no undo."})) {
    return 1;
  }
  apply::RunOptions run = RunOptionsFrom(vars);
  TerminalStatus status(std::cout);
  int result = apply::RunLocked(plan, *planned->clients, run, status, std::cerr);
  if (result == 0) RemoveUnusedState(*planned, run.wait_timeout);
  return result;
}

}  // namespace meshform::cli
