// meshform apply: plan (or read a saved plan and check it is still current), show it, ask for
// confirmation on a terminal unless -auto-approve, take the lock, execute with rollback; with
// -json, all of it as JSON Lines events (views/apply_events.h).
#include <iostream>

#include "engine/apply/run.h"
#include "engine/cli/command.h"
#include "engine/cli/locked_plan.h"
#include "engine/cli/plan_pipeline.h"
#include "engine/cli/run_options.h"
#include "engine/cli/state_cleanup.h"
#include "engine/cli/views/prompt.h"
#include "engine/cli/views/run_view.h"
#include "engine/plan/saved_plan.h"

namespace meshform::cli {

namespace {

po::options_description ApplyOptions() {
  po::options_description o =
      RunFlags("Apply", "on failure, leave the partial state instead of rolling back",
               "seconds to wait for readiness");
  o.add_options()("file,f", po::value<std::string>(),
                  "the topology file (with a saved plan: where its topology is now, when the plan "
                  "was made in another folder; it must still hash the same)")(
      "plan", po::value<std::string>(), "a saved plan (meshform plan -out) to apply exactly")(
      "force-conflicts", "take over fields that other field managers own");
  return o;
}

// The request that plans a saved plan's topology again, with the options it was made with.
PlanRequest RequestFromSaved(const plan::SavedPlan& saved, const po::variables_map& vars) {
  PlanRequest request;
  request.file = vars.count("file") ? vars["file"].as<std::string>() : saved.topology_file;
  if (vars.count("kubeconfig")) request.kubeconfig = vars["kubeconfig"].as<std::string>();
  request.options.mode = saved.mode == "destroy" ? plan::Mode::kDestroy : plan::Mode::kApply;
  request.options.parallelism = vars["parallelism"].as<int>();
  request.options.adopt = saved.adopt;
  request.options.targets = saved.targets;
  return request;
}

// Everything after parsing, shown through `view`; returns the exit code.
int Apply(const po::variables_map& vars, RunView& view) {
  if (vars.count("file") == 0 && vars.count("plan") == 0) {
    std::cerr << "meshform apply: give -f FILE or a saved PLAN.json\n";
    return 1;
  }
  bool saved = vars.count("plan") > 0;
  if (saved && (vars.count("adopt") || vars.count("target"))) {
    std::cerr << "meshform apply: --adopt and --target belong to the plan; a saved plan is "
                 "applied with the options it was made with\n";
    return 1;
  }
  if (RefusedWithoutApproval(vars, "apply", saved)) return 1;
  std::optional<plan::SavedPlan> saved_plan;
  PlanRequest request;
  if (saved) {
    try {
      saved_plan = plan::ReadSavedPlan(vars["plan"].as<std::string>());
    } catch (const std::exception& e) {
      std::cerr << "Error: " << e.what() << "\n";
      return 1;
    }
    request = RequestFromSaved(*saved_plan, vars);
  } else {
    request = RequestFrom(vars, plan::Mode::kApply);
  }
  auto run = RunOptionsFrom(vars);
  // The lock first, then the live state: no other apply or destroy can change the clusters
  // between this plan and its writes.
  auto locked = PlanUnderLock(request, run, vars.count("skip-preflight") == 0);
  if (!locked) return 1;
  Planned& planned = locked->planned;
  if (saved &&
      RefuseIfMoved(*saved_plan, planned.plan,
                    "the saved plan " + vars["plan"].as<std::string>() + " is stale", "applied")) {
    return 1;
  }
  view.ShowPlan(planned.plan, saved);
  if (!planned.plan.HasChanges()) {
    if (planned.plan.mode == plan::Mode::kDestroy) {
      locked->held.reset();  // released: the lock's own Lease is state that may now go
      RemoveUnusedState(planned, run.wait_timeout);
    }
    return 0;
  }
  if (!saved) {
    bool asked = vars.count("auto-approve") == 0;
    if (!Approved(!asked, {"apply", "Do you want to perform these actions?",
                           "meshform will perform the actions described above."})) {
      return 1;
    }
    // A person may have edited an object while the prompt waited: apply only what was shown.
    if (asked && MovedWhileShown(*locked, request, "applied")) return 1;
  }
  plan::Plan& plan = planned.plan;
  int result = apply::RunHeld(plan, *planned.clients, run, view.status(), *locked->held, std::cerr);
  bool destroyed = result == 0 && plan.mode == plan::Mode::kDestroy;  // a saved destroy plan
  if (destroyed || result == apply::ExitCode(apply::Outcome::kRolledBack)) {
    RemoveUnusedState(planned, run.wait_timeout);  // as destroy does, and as before the apply
  }
  view.RunDone();  // after the state's removal: its time is in the timings
  return result;
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
                             "-f FILE | PLAN.json [-f FILE] [-auto-approve] [--no-rollback] "
                             "[--force-conflicts] [--parallelism N] [--adopt] [--target ADDR] "
                             "[-json]",
                             options, raw_args, &positional);
  if (parsed.exit_code) return *parsed.exit_code;
  auto view = MakeRunView(parsed.vars.count("json") > 0, "apply");
  int code = Apply(parsed.vars, *view);
  view->Ended(code);
  return code;
}

}  // namespace meshform::cli
