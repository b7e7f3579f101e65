// Reading fields of objects the API server returned, without throwing on missing ones.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace meshform::standins {

// object[key], or null when `object` is not an object or lacks it.
inline const nlohmann::json& Field(const nlohmann::json& object, const char* key) {
  static const nlohmann::json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

// object[key] when it is a string, else "".
inline std::string StringField(const nlohmann::json& object, const char* key) {
  const nlohmann::json& value = Field(object, key);
  return value.is_string() ? value.get<std::string>() : "";
}

}  // namespace meshform::standins
