// Field paths in server-side apply's sense: a sequence of elements, each a struct field, a
// list item by its key fields, a set item by value, or a list index. They name what a field
// manager owns (metadata.managedFields[].fieldsV1) and what meshform's diff compares.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace meshform::ssa {

struct PathElement {
  enum class Kind { kField, kKey, kValue, kIndex };
  Kind kind = Kind::kField;
  std::string name;      // kField
  nlohmann::json value;  // kKey: object of key fields; kValue: the item
  int index = 0;         // kIndex

  static PathElement Field(std::string name);
  static PathElement Key(nlohmann::json keys);
  static PathElement Value(nlohmann::json value);
  static PathElement Index(int index);

  // fieldsV1's spelling: "f:name", "k:{...}", "v:...", "i:3". Throws meshform::Error.
  static PathElement FromFieldsV1(const std::string& text);
  std::string ToFieldsV1() const;

  bool operator==(const PathElement& other) const;
  bool operator<(const PathElement& other) const;
};

using Path = std::vector<PathElement>;

// Human form, as in SSA conflict messages: ".spec.containers[name=\"web\"].image".
std::string ToString(const Path& path);

// True when `prefix` is a (non-strict) prefix of `path`.
bool HasPrefix(const Path& path, const Path& prefix);

}  // namespace meshform::ssa
