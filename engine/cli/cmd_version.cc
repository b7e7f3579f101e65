// meshform version
#include <iostream>

#include "engine/cli/command.h"

namespace meshform::cli {

int RunVersion(const Args& args) {
  auto parsed = ParseCommand("version", "", po::options_description("Version"), args);
  if (parsed.exit_code) return *parsed.exit_code;
  std::cout << "meshform " << MESHFORM_VERSION << "\n";
  return 0;
}

}  // namespace meshform::cli
