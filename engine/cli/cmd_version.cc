// meshform version [-o json]: the version and the commit meshform was built from.
#include <iostream>
#include <nlohmann/json.hpp>

#include "engine/cli/command.h"
#include "meshform_build_info.h"

namespace meshform::cli {

int RunVersion(const Args& args) {
  po::options_description own("Version");
  own.add_options()("output,o", po::value<std::string>()->default_value("text"), "text or json");
  auto parsed = ParseCommand("version", "[-o text|json]", own, args);
  if (parsed.exit_code) return *parsed.exit_code;
  std::string output = parsed.vars["output"].as<std::string>();
  if (output == "json") {
    std::cout << nlohmann::json{{"version", MESHFORM_VERSION}, {"commit", MESHFORM_COMMIT}}.dump()
              << "\n";
  } else if (output == "text") {
    std::cout << "meshform " << MESHFORM_VERSION << " (commit " << MESHFORM_COMMIT << ")\n";
  } else {
    std::cerr << "meshform version: -o must be text or json, not '" << output << "'\n";
    return 1;
  }
  return 0;
}

}  // namespace meshform::cli
