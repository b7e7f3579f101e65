// meshform apply: plan (or read a saved plan and check it is still current), show it, ask for
// confirmation on a terminal unless -auto-approve, take the lock, execute with rollback.
#include <unistd.h>

#include <iostream>

#include "engine/apply/run.h"
#include "engine/apply/terminal_status.h"
#include "engine/cli/command.h"
#include "engine/cli/plan_pipeline.h"
#include "engine/cli/state_cleanup.h"
#include "engine/plan/plan_text.h"
#include "engine/plan/saved_plan.h"

namespace meshform::cli {

namespace {

// Terraform spells it -auto-approve; boost wants two dashes.
po::options_description ApplyOptions() {
  po::options_description o("Apply");
  o.add_options()("file,f", po::value<std::string>(), "the topology file")(
      "plan", po::value<std::string>(), "a saved plan (meshform plan -out) to apply exactly")(
      "auto-approve", "do not ask for confirmation")(
      "no-rollback", "on failure, leave the partial state instead of rolling back")(
      "force-conflicts", "take over fields that other field managers own")(
      "wait-timeout", po::value<int>()->default_value(300), "seconds to wait for readiness")(
      "lock-lease", po::value<int>()->default_value(30),
      "seconds the lock's lease lasts unless renewed (a crashed run's lock expires after it)")(
      "lock-wait", po::value<int>(),
      "seconds to wait for the lock before refusing (default: the lease duration + 2)");
  return o;
}

apply::RunOptions RunOptionsFrom(const po::variables_map& vars) {
  apply::RunOptions r;
  r.parallelism = vars["parallelism"].as<int>();
  r.rollback = vars.count("no-rollback") == 0;
  r.force_conflicts = vars.count("force-conflicts") > 0;
  if (vars.count("kubeconfig")) r.kubeconfig = vars["kubeconfig"].as<std::string>();
  r.wait_timeout = std::chrono::seconds(vars["wait-timeout"].as<int>());
  r.lease_duration = std::chrono::seconds(vars["lock-lease"].as<int>());
  if (vars.count("lock-wait")) r.lock_wait = std::chrono::seconds(vars["lock-wait"].as<int>());
  return r;
}

// A fresh plan of the saved plan's topology, refused when anything changed since.
std::optional<Planned> PlanFromSaved(const std::string& path, const po::variables_map& vars) {
  plan::SavedPlan saved = plan::ReadSavedPlan(path);
  PlanRequest request;
  request.file = saved.topology_file;
  if (vars.count("kubeconfig")) request.kubeconfig = vars["kubeconfig"].as<std::string>();
  request.options.mode = saved.mode == "destroy" ? plan::Mode::kDestroy : plan::Mode::kApply;
  request.options.parallelism = vars["parallelism"].as<int>();
  auto planned = LoadAndPlan(request, std::cerr);
  if (!planned) return std::nullopt;
  auto problems = plan::StalePlanProblems(saved, planned->plan);
  if (problems.empty()) return planned;
  std::cerr << "Error: the saved plan " << path << " is stale; nothing was applied:\n";
  for (const auto& p : problems) std::cerr << "  " << p << "\n";
  std::cerr << "Run 'meshform plan' again.\n";
  return std::nullopt;
}

bool Approved(const po::variables_map& vars, const std::string& verb) {
  if (vars.count("auto-approve")) return true;
  if (!::isatty(STDIN_FILENO)) {
    std::cerr << "Error: not a terminal: meshform " << verb
              << " needs -auto-approve to run without confirmation.\n";
    return false;
  }
  bool yes =
      apply::Confirm("Do you want to perform these actions?",
                     "meshform will perform the actions described above.", std::cin, std::cout);
  if (!yes) std::cout << "\nApply cancelled.\n";
  return yes;
}

}  // namespace

int RunApply(const Args& raw_args) {
  po::options_description options;
  options.add(ApplyOptions());
  options.add(ClusterOptions());
  options.add(PlanningOptions());
  po::positional_options_description positional;
  positional.add("plan", 1);
  auto parsed = ParseCommand("apply",
                             "-f FILE | PLAN.json [-auto-approve] [--no-rollback] "
                             "[--force-conflicts] [--parallelism N] [--adopt] [--target ADDR]",
                             options, raw_args, &positional);
  if (parsed.exit_code) return *parsed.exit_code;
  const auto& vars = parsed.vars;
  if (vars.count("file") == vars.count("plan")) {
    std::cerr << "meshform apply: give either -f FILE or a saved PLAN.json\n";
    return 1;
  }
  bool saved = vars.count("plan") > 0;
  std::optional<Planned> planned;
  if (saved) {
    planned = PlanFromSaved(vars["plan"].as<std::string>(), vars);
  } else {
    planned = LoadAndPlan(RequestFrom(vars, plan::Mode::kApply), std::cerr);
  }
  if (!planned) return 1;
  plan::Plan& plan = planned->plan;
  if (!saved) std::cout << plan::RenderPlanText(plan, {plan::ColorWanted(), false});
  if (!plan.HasChanges()) {
    if (saved) std::cout << plan::SummaryLine(plan) << "\n";
    return 0;
  }
  if (!saved && !Approved(vars, "apply")) return 1;
  apply::TerminalStatus status(std::cout);
  auto run = RunOptionsFrom(vars);
  int result = apply::RunLocked(plan, *planned->clients, run, status, std::cerr);
  if (result == apply::ExitCode(apply::Outcome::kRolledBack)) {
    RemoveUnusedState(*planned, run.wait_timeout);  // as before the apply, also here
  }
  return result;
}

}  // namespace meshform::cli
