// meshform destroy: a plan in destroy mode (only owned objects, dependents first, the inventory
// last), shown, confirmed on a terminal unless -auto-approve, executed under the lock; deletes
// wait until the objects (namespaces included) are really gone.
#include <unistd.h>

#include <iostream>

#include "engine/apply/run.h"
#include "engine/apply/terminal_status.h"
#include "engine/cli/command.h"
#include "engine/cli/plan_pipeline.h"
#include "engine/cli/state_cleanup.h"
#include "engine/plan/plan_text.h"

namespace meshform::cli {

namespace {

po::options_description DestroyOptions() {
  po::options_description o("Destroy");
  o.add_options()("auto-approve", "do not ask for confirmation")(
      "no-rollback", "on failure, leave the partial state instead of recreating")(
      "wait-timeout", po::value<int>()->default_value(300), "seconds to wait for deletions")(
      "lock-lease", po::value<int>()->default_value(30),
      "seconds the lock's lease lasts unless renewed (a crashed run's lock expires after it)")(
      "lock-wait", po::value<int>(),
      "seconds to wait for the lock before refusing (default: the lease duration + 2)");
  return o;
}

bool Approved(const po::variables_map& vars) {
  if (vars.count("auto-approve")) return true;
  if (!::isatty(STDIN_FILENO)) {
    std::cerr << "Error: not a terminal: meshform destroy needs -auto-approve to run without "
                 "confirmation.\n";
    return false;
  }
  bool yes = apply::Confirm("Do you really want to destroy all resources?",
                            "meshform will destroy all the managed objects shown above. "
                            "There is no undo.",
                            std::cin, std::cout);
  if (!yes) std::cout << "\nDestroy cancelled.\n";
  return yes;
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
  std::cout << plan::RenderPlanText(plan, {plan::ColorWanted(), false});
  if (!plan.HasChanges()) return 0;
  if (!Approved(vars)) return 1;
  apply::RunOptions run;
  run.parallelism = vars["parallelism"].as<int>();
  run.rollback = vars.count("no-rollback") == 0;
  if (vars.count("kubeconfig")) run.kubeconfig = vars["kubeconfig"].as<std::string>();
  run.wait_timeout = std::chrono::seconds(vars["wait-timeout"].as<int>());
  run.lease_duration = std::chrono::seconds(vars["lock-lease"].as<int>());
  if (vars.count("lock-wait")) run.lock_wait = std::chrono::seconds(vars["lock-wait"].as<int>());
  apply::TerminalStatus status(std::cout);
  int result = apply::RunLocked(plan, *planned->clients, run, status, std::cerr);
  if (result == 0) RemoveUnusedState(*planned, run.wait_timeout);
  return result;
}

}  // namespace meshform::cli
