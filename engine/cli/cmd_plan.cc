// meshform plan
#include "engine/cli/command.h"

namespace meshform::cli {

int RunPlan(const Args& args) {
  po::options_description options;
  options.add(TopologyOptions());
  options.add(ClusterOptions());
  po::options_description own("Plan");
  own.add_options()("out", po::value<std::string>(), "save the plan to this file")(
      "detailed-exitcode", "exit 2 when there are changes")(
      "output,o", po::value<std::string>()->default_value("text"), "text or json");
  options.add(own);
  auto parsed = ParseCommand("plan", "-f FILE [-out plan.json] [--detailed-exitcode] [-o text|json]", options, args);
  if (parsed.exit_code) return *parsed.exit_code;
  return NotAvailableYet("plan");
}

}  // namespace meshform::cli
