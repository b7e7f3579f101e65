#include "engine/plan/shown_value.h"

#include "resources/placeholder.h"

namespace meshform::plan {

bool IsSensitive(const Change& c) {
  return c.resource.sensitive || c.resource.is_value() ||
         (c.resource.is_object() && c.resource.object.value("kind", "") == "Secret");
}

std::string ShowValue(const nlohmann::json& value, bool sensitive) {
  if (resources::IsPlaceholder(value)) return "(known after apply)";
  if (sensitive) return "(sensitive)";
  std::string text = value.dump();
  if (text.size() > 200) text = text.substr(0, 197) + "...";
  return text;
}

}  // namespace meshform::plan
