#include "engine/plan/topology_hash.h"

#include <openssl/evp.h>

#include <fstream>
#include <sstream>

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
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr);
  static const char* kHex = "0123456789abcdef";
  std::string out = "sha256:";
  for (unsigned i = 0; i < size; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

}  // namespace meshform::plan
