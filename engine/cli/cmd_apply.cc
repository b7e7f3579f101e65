// meshform apply: plan (or read a saved plan and check it is still current), show it, ask for
// confirmation on a terminal unless -auto-approve, take the lock, execute with rollback.
#include <iostream>

#include "engine/apply/run.h"
#include "engine/cli/command.h"
#include "engine/cli/plan_pipeline.h"
#include "engine/cli/run_options.h"
#include "engine/cli/state_cleanup.h"
#include "engine/cli/views/plan_text.h"
#include "engine/cli/views/prompt.h"
#include "engine/cli/views/terminal_status.h"
#include "engine/plan/saved_plan.h"

namespace meshform::cli {

namespace {

po::options_description ApplyOptions() {
  po::options_description o =
      RunFlags("Apply", "on failure, leave the partial state instead of rolling back",
               "seconds to wait for readiness");
  o.add_options()("file,f", po::value<std::string>(), "the topology file")(
      "plan", po::value<std::string>(), "a saved plan (meshform plan -out) to apply exactly")(
      "force-conflicts", "take over fields that other field managers own");
  return o;
}

// A fresh plan of the saved plan's topology, refused when anything changed since.
std::optional<Planned> PlanFromSaved(const std::string& path, const po::variables_map& vars) {
  plan::SavedPlan saved = plan::ReadSavedPlan(path);
  PlanRequest request;
  request.file = saved.topology_file;
  if (vars.count("kubeconfig")) request.kubeconfig = vars["kubeconfig"].as<std::string>();
  request.options.mode = saved.mode == "destroy" ? plan::Mode::kDestroy : plan::Mode::kApply;
  request.options.parallelism = vars["parallelism"].as<int>();
  request.options.adopt = saved.adopt;  // planned again exactly as it was planned
  request.options.targets = saved.targets;
  auto planned = LoadAndPlan(request, std::cerr);
  if (!planned) return std::nullopt;
  auto problems = plan::StalePlanProblems(saved, planned->plan);
  if (problems.empty()) return planned;
  std::cerr << "Error: the saved plan " << path << " is stale; nothing was applied:\n";
  for (const auto& p : problems) std::cerr << "  " << p << "\n";
  std::cerr << "Run 'meshform plan' again.\n";
  return std::nullopt;
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
  if (saved && (vars.count("adopt") || vars.count("target"))) {
    std::cerr << "meshform apply: --adopt and --target belong to the plan; a saved plan is "
                 "applied with the options it was made with\n";
    return 1;
  }
  std::optional<Planned> planned;
  if (saved) {
    planned = PlanFromSaved(vars["plan"].as<std::string>(), vars);
  } else {
    planned = LoadAndPlan(RequestFrom(vars, plan::Mode::kApply), std::cerr);
  }
  if (!planned) return 1;
  plan::Plan& plan = planned->plan;
  if (!saved) std::cout << RenderPlanText(plan, {ColorWanted(), false});
  if (!plan.HasChanges()) {
    if (saved) std::cout << SummaryLine(plan) << "\n";
    return 0;
  }
  if (!saved && !Approved(vars.count("auto-approve") > 0,
                          {"apply", "Do you want to perform these actions?",
                           "meshform will perform the actions described above."})) {
    return 1;
  }
  TerminalStatus status(std::cout);
  auto run = RunOptionsFrom(vars);
  int result = apply::RunLocked(plan, *planned->clients, run, status, std::cerr);
  bool destroyed = result == 0 && plan.mode == plan::Mode::kDestroy;  // a saved destroy plan
  if (destroyed || result == apply::ExitCode(apply::Outcome::kRolledBack)) {
    RemoveUnusedState(*planned, run.wait_timeout);  // as destroy does, and as before the apply
  }
  return result;
}

}  // namespace meshform::cli
