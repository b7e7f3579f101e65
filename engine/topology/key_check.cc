// Unknown-key detection with suggestions (valijson only names the first unknown key and has no
// position for it, so the loader does this itself).
#include "engine/topology/key_check.h"

#include "engine/topology/json_pointer.h"
#include "engine/topology/suggest.h"

namespace meshform::topology {
namespace {

std::vector<std::string> AllowedKeys(const nlohmann::json& schema) {
  std::vector<std::string> keys;
  auto properties = schema.find("properties");
  if (properties == schema.end()) return keys;
  for (const auto& [key, unused] : properties->items()) keys.push_back(key);
  return keys;
}

std::string UnknownKeyMessage(const std::string& key, const std::vector<std::string>& allowed) {
  std::string message = "unknown key '" + key + "'";
  std::string hint = DidYouMean(key, allowed);
  if (!hint.empty()) return message + hint;
  message += " (allowed: ";
  for (size_t i = 0; i < allowed.size(); ++i) message += (i ? ", " : "") + allowed[i];
  return message + ")";
}

}  // namespace

void CheckUnknownKeys(const nlohmann::json& data, const SchemaWalker& walker, const SourceMap& map,
                      Diagnostics* diagnostics) {
  walker.Walk(data, [&](const nlohmann::json& value, const nlohmann::json& schema,
                        const std::string& pointer) {
    if (!value.is_object() || !schema.is_object()) return;
    auto additional = schema.find("additionalProperties");
    if (additional == schema.end() || *additional != false) return;
    std::vector<std::string> allowed = AllowedKeys(schema);
    auto properties = schema.find("properties");
    for (const auto& [key, unused] : value.items()) {
      if (properties != schema.end() && properties->contains(key)) continue;
      std::string child = PointerAppend(pointer, key);
      diagnostics->Add(
          Diagnostic{map.KeyAt(child), map.FieldOf(child), UnknownKeyMessage(key, allowed)});
    }
  });
}

}  // namespace meshform::topology
