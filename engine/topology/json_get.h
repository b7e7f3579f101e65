// Lenient reads from the loaded JSON for building the model: a value of the wrong type (already
// reported by the schema check) reads as the default, so that the model can still be built and
// semantically checked, and every problem is reported in one run.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace meshform::topology {

inline const nlohmann::json& Member(const nlohmann::json& object, const std::string& key) {
  static const nlohmann::json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

inline bool Has(const nlohmann::json& object, const std::string& key) {
  return object.is_object() && object.contains(key);
}

inline std::string GetString(const nlohmann::json& object, const std::string& key,
                             const std::string& fallback = "") {
  const auto& v = Member(object, key);
  return v.is_string() ? v.get<std::string>() : fallback;
}

inline int GetInt(const nlohmann::json& object, const std::string& key, int fallback) {
  const auto& v = Member(object, key);
  if (!v.is_number_integer()) return fallback;
  auto n = v.get<int64_t>();
  return n < INT32_MIN || n > INT32_MAX ? fallback : static_cast<int>(n);
}

inline bool GetBool(const nlohmann::json& object, const std::string& key, bool fallback) {
  const auto& v = Member(object, key);
  return v.is_boolean() ? v.get<bool>() : fallback;
}

inline std::vector<std::string> GetStrings(const nlohmann::json& object, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& v : Member(object, key))
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

inline std::map<std::string, std::string> GetStringMap(const nlohmann::json& object,
                                                       const std::string& key) {
  std::map<std::string, std::string> out;
  const auto& m = Member(object, key);
  if (!m.is_object()) return out;
  for (const auto& [k, v] : m.items())
    if (v.is_string()) out[k] = v.get<std::string>();
  return out;
}

// The members of an array (empty when absent or not an array).
inline const nlohmann::json& Items(const nlohmann::json& object, const std::string& key) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  const auto& v = Member(object, key);
  return v.is_array() ? v : kEmpty;
}

}  // namespace meshform::topology
