// libFuzzer target for the topology loader: any input must either load or be rejected with a
// LoadError. A crash, a sanitizer report, a hang, or any other exception escaping is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/topology/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    meshform::topology::LoadTopologyString(text, "fuzz/topology.yaml");
  } catch (const meshform::topology::LoadError&) {
    // Rejected with diagnostics: the expected outcome for most inputs.
  }
  return 0;
}
