// meshform destroy
#include "engine/cli/command.h"

namespace meshform::cli {

int RunDestroy(const Args& args) {
  po::options_description options;
  options.add(TopologyOptions());
  options.add(ClusterOptions());
  auto parsed = ParseCommand("destroy", "-f FILE [-auto-approve]", options, args);
  if (parsed.exit_code) return *parsed.exit_code;
  return NotAvailableYet("destroy");
}

}  // namespace meshform::cli
