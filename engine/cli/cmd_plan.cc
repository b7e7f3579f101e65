// meshform plan: what apply would do to every cluster, and nothing else.
#include <iostream>
#include <sstream>

#include "engine/cli/command.h"
#include "engine/cli/plan_output.h"
#include "engine/cli/plan_pipeline.h"
#include "engine/cli/previous_run_warning.h"
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

// `plan -o json` that could make no plan still prints a plan document, one that says so
// ("errored": true, the errors, no changes), for pipelines that read only stdout.
void PrintErroredJson(plan::Mode mode, const std::string& errors) {
  plan::Plan p;
  p.mode = mode;
  std::istringstream lines(errors);
  std::string line;
  while (std::getline(lines, line)) {
    auto start = line.find_first_not_of(' ');
    if (start != std::string::npos) p.errors.push_back(line.substr(start));
  }
  std::cout << plan::PlanToJson(p).dump(2) << "\n";
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
      "destroy", "plan the destruction of everything meshform manages for the topology");
  options.add(own);
  options.add(PlanOutputOptions());
  auto parsed = ParseCommand("plan",
                             "-f FILE [--out plan.json] [--detailed-exitcode] "
                             "[-o text|json|markdown] [--destroy]",
                             options, args);
  if (parsed.exit_code) return *parsed.exit_code;
  const auto& vars = parsed.vars;
  auto output = PlanOutputFrom(vars, "plan", std::cerr);
  if (!output) return 1;
  auto mode = vars.count("destroy") ? plan::Mode::kDestroy : plan::Mode::kApply;
  std::ostringstream errors;
  auto planned = LoadAndPlan(RequestFrom(vars, mode), errors);
  std::cerr << errors.str();
  if (!planned) {
    if (output->format == "json") PrintErroredJson(mode, errors.str());
    return 1;
  }
  const plan::Plan& p = planned->plan;
  WarnIfLocked(*planned);
  PhaseTimer timer("print plan");
  PrintPlan(p, *output, std::cout);
  if (vars.count("out")) {
    std::string out = vars["out"].as<std::string>();
    plan::WriteSavedPlan(p, vars["file"].as<std::string>(), out);
    if (output->format == "text") {
      std::cout << "\nSaved the plan to " << out << ". To apply exactly this plan: meshform apply "
                << out << "\n";
    }
  }
  if (vars.count("detailed-exitcode") && p.HasChanges()) return 2;
  return 0;
}

}  // namespace meshform::cli
