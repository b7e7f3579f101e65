// meshform validate
#include "engine/cli/command.h"

namespace meshform::cli {

int RunValidate(const Args& args) {
  po::options_description options;
  options.add(TopologyOptions());
  auto parsed = ParseCommand("validate", "-f FILE", options, args);
  if (parsed.exit_code) return *parsed.exit_code;
  return NotAvailableYet("validate");
}

}  // namespace meshform::cli
