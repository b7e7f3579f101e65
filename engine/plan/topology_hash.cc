#include "engine/plan/topology_hash.h"

#include <fstream>
#include <sstream>

#include "engine/util/sha256.h"

namespace meshform::plan {

std::string TopologyHash(const std::string& file, const resources::ResourceSet& set) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string text = bytes.str();
  for (const auto& r : set) {
    text += "\n" + r.address + "\n" + (r.is_object() ? r.object.dump() : r.value.params.dump());
    for (const auto& d : r.depends_on) text += "\n<" + d;
  }
  return Sha256Hex(text);
}

}  // namespace meshform::plan
