// meshform graph
#include "engine/cli/command.h"

namespace meshform::cli {

int RunGraph(const Args& args) {
  po::options_description options;
  options.add(TopologyOptions());
  auto parsed = ParseCommand("graph", "-f FILE", options, args);
  if (parsed.exit_code) return *parsed.exit_code;
  return NotAvailableYet("graph");
}

}  // namespace meshform::cli
