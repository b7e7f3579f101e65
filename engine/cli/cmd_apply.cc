// meshform apply
#include "engine/cli/command.h"

namespace meshform::cli {

int RunApply(const Args& args) {
  po::options_description options;
  options.add(TopologyOptions());
  options.add(ClusterOptions());
  auto parsed = ParseCommand("apply", "-f FILE | PLAN.json [-auto-approve] [--no-rollback]", options, args);
  if (parsed.exit_code) return *parsed.exit_code;
  return NotAvailableYet("apply");
}

}  // namespace meshform::cli
