// YAML 1.2 core-schema resolution of plain scalars.
#include "engine/topology/yaml_scalar.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <regex>

namespace meshform::topology {
namespace {

const std::string kTagPrefix = "tag:yaml.org,2002:";

bool IsNull(const std::string& v) {
  return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

bool ParseBool(const std::string& v, bool* out) {
  if (v == "true" || v == "True" || v == "TRUE") return *out = true, true;
  if (v == "false" || v == "False" || v == "FALSE") return *out = false, true;
  return false;
}

bool AllOf(const std::string& s, size_t from, bool (*pred)(char)) {
  if (from >= s.size()) return false;
  for (size_t i = from; i < s.size(); ++i)
    if (!pred(s[i])) return false;
  return true;
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsOctal(char c) { return c >= '0' && c <= '7'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool ParseInt(const std::string& v, nlohmann::json* out) {
  if (v.empty() || v.size() > 64) return false;
  int base = 10;
  std::string digits = v;
  if (v.rfind("0o", 0) == 0 && AllOf(v, 2, IsOctal)) {
    base = 8, digits = v.substr(2);
  } else if (v.rfind("0x", 0) == 0 && AllOf(v, 2, IsHex)) {
    base = 16, digits = v.substr(2);
  } else if (!AllOf(v, (v[0] == '-' || v[0] == '+') ? 1 : 0, IsDigit)) {
    return false;
  }
  if (digits[0] == '+') digits = digits.substr(1);
  int64_t n = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n, base);
  if (ec != std::errc() || end != digits.data() + digits.size()) return false;
  *out = n;
  return true;
}

bool ParseFloat(const std::string& v, nlohmann::json* out) {
  if (v.empty() || v.size() > 64) return false;
  // Cheap pre-filter: a float starts with a sign, a digit or '.'.
  char c = v[0];
  if (!(IsDigit(c) || c == '-' || c == '+' || c == '.')) return false;
  static const std::regex kFloat("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  static const std::regex kInf("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
  if (std::regex_match(v, kInf)) {
    // JSON has no infinity or NaN; keep the text so the schema reports a type error on it.
    *out = v;
    return true;
  }
  if (!std::regex_match(v, kFloat)) return false;
  double d = std::strtod(v.c_str(), nullptr);
  if (!std::isfinite(d)) return false;
  *out = d;
  return true;
}

nlohmann::json ResolvePlain(const std::string& value) {
  if (IsNull(value)) return nullptr;
  bool b = false;
  if (ParseBool(value, &b)) return b;
  nlohmann::json number;
  if (ParseInt(value, &number) || ParseFloat(value, &number)) return number;
  return value;
}

}  // namespace

nlohmann::json ScalarToJson(const std::string& value, const std::string& tag) {
  if (tag == "?") return ResolvePlain(value);
  if (tag == kTagPrefix + "null") return nullptr;
  if (tag == kTagPrefix + "bool" || tag == kTagPrefix + "int" || tag == kTagPrefix + "float") {
    nlohmann::json resolved = ResolvePlain(value);
    return resolved.is_null() ? nlohmann::json(value) : resolved;
  }
  return value;  // "!" (quoted), !!str and every other tag
}

}  // namespace meshform::topology
