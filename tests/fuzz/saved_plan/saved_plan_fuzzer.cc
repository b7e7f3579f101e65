// libFuzzer target for the saved-plan reader: plan::ReadSavedPlan must read any file as a saved
// plan or reject it with a meshform::Error naming the file. A crash, a sanitizer report, a hang,
// or any other exception escaping is a bug. The input is written to a file in the current
// folder (run-fuzz.sh runs the fuzzer in an empty one), because the reader takes a path.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include "engine/plan/saved_plan.h"
#include "engine/util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "plan-" + std::to_string(::getpid()) + ".json";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) std::abort();
  }
  try {
    meshform::plan::ReadSavedPlan(path);
  } catch (const meshform::Error& error) {
    // Rejected: the message must name the file.
    if (std::string(error.what()).find(path) == std::string::npos) std::abort();
  }
  return 0;
}
