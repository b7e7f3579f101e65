// meshform plan: what apply would do to every cluster, and nothing else.
#include <iostream>

#include "engine/cli/command.h"
#include "engine/cli/plan_pipeline.h"
#include "engine/cli/previous_run_warning.h"
#include "engine/cli/views/plan_text.h"
#include "engine/plan/plan_json.h"
#include "engine/plan/saved_plan.h"
#include "engine/state/lock.h"
#include "engine/util/phase_timer.h"

namespace meshform::cli {

namespace {

// plan never takes the lock (pipelines plan many pull requests at once; a saved plan is checked
// under the lock when applied), but says when an apply or destroy is running meanwhile.
void WarnIfLocked(const Planned& planned) {
  try {
    kube::Client& host = planned.clients->For(planned.plan.inventory_cluster);
    if (auto holder = state::DescribeLockHolder(host, planned.plan.topology_name)) {
      std::cerr << "Warning: an apply or destroy of " << planned.plan.topology_name
                << " is running (" << *holder
                << "); this plan may be outdated by the time it finishes.\n";
      return;  // its journal is being written: not a previous run's
    }
    WarnAboutPreviousRun(planned.plan.topology_name, "",
                         "The next apply plans from the clusters as they are now and converges "
                         "them.",
                         std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "Warning: could not read the lock of " << planned.plan.topology_name << ": "
              << e.what() << "\n";
  }
}

}  // namespace

int RunPlan(const Args& args) {
  po::options_description options;
  options.add(TopologyOptions());
  options.add(ClusterOptions());
  options.add(PlanningOptions());
  po::options_description own("Plan");
  own.add_options()("out", po::value<std::string>(),
                    "save the plan to this file (apply it later); also -out")(
      "detailed-exitcode", "exit 0 without changes, 2 with changes, 1 on error")(
      "output,o", po::value<std::string>()->default_value("text"), "text or json")(
      "destroy", "plan the destruction of everything meshform manages for the topology");
  options.add(own);
  auto parsed = ParseCommand(
      "plan", "-f FILE [--out plan.json] [--detailed-exitcode] [-o text|json] [--destroy]", options,
      args);
  if (parsed.exit_code) return *parsed.exit_code;
  const auto& vars = parsed.vars;
  std::string output = vars["output"].as<std::string>();
  if (output != "text" && output != "json") {
    std::cerr << "meshform plan: --output must be text or json\n";
    return 1;
  }
  auto mode = vars.count("destroy") ? plan::Mode::kDestroy : plan::Mode::kApply;
  auto planned = LoadAndPlan(RequestFrom(vars, mode), std::cerr);
  if (!planned) return 1;
  const plan::Plan& p = planned->plan;
  WarnIfLocked(*planned);
  PhaseTimer timer("print plan");
  if (output == "json") {
    std::cout << plan::PlanToJson(p).dump(2) << "\n";
  } else {
    std::cout << RenderPlanText(p, {ColorWanted(), false});
  }
  if (vars.count("out")) {
    std::string out = vars["out"].as<std::string>();
    plan::WriteSavedPlan(p, vars["file"].as<std::string>(), out);
    if (output == "text") {
      std::cout << "\nSaved the plan to " << out << ". To apply exactly this plan: meshform apply "
                << out << "\n";
    }
  }
  if (vars.count("detailed-exitcode") && p.HasChanges()) return 2;
  return 0;
}

}  // namespace meshform::cli
