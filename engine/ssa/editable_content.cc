#include "engine/ssa/editable_content.h"

#include "engine/util/sha256.h"

namespace meshform::ssa {

nlohmann::json EditableContent(const nlohmann::json& object) {
  nlohmann::json out = object;
  out.erase("status");
  if (out.contains("metadata") && out["metadata"].is_object()) {
    for (const char* key : {"resourceVersion", "managedFields", "generation"}) {
      out["metadata"].erase(key);
    }
  }
  return out;
}

std::string EditableContentDigest(const nlohmann::json& object) {
  return Sha256Hex(EditableContent(object).dump());
}

}  // namespace meshform::ssa
