// meshform render
#include "engine/cli/command.h"

namespace meshform::cli {

int RunRender(const Args& args) {
  po::options_description options;
  options.add(TopologyOptions());
  po::options_description own("Render");
  own.add_options()("dir,d", po::value<std::string>()->required(), "output folder");
  options.add(own);
  auto parsed = ParseCommand("render", "-f FILE -d DIR", options, args);
  if (parsed.exit_code) return *parsed.exit_code;
  return NotAvailableYet("render");
}

}  // namespace meshform::cli
