// The field-level difference between a desired object and the live one, with server-side
// apply's semantics: only fields meshform manages are compared (defaults and fields of other
// managers never show), fields meshform applied before and no longer wants are removals, and
// changing a field another manager owns is a conflict.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/ssa/field_path.h"

namespace meshform::ssa {

struct FieldChange {
  enum class Op { kAdd, kChange, kRemove };
  Op op = Op::kAdd;
  Path path;
  std::optional<nlohmann::json> before;  // absent for kAdd
  std::optional<nlohmann::json> after;   // absent for kRemove; a placeholder when generated
};

struct FieldConflict {
  Path path;
  std::string manager;  // the other field manager that owns the path
};

struct ObjectDiff {
  std::vector<FieldChange> changes;
  std::vector<FieldConflict> conflicts;
  bool empty() const { return changes.empty(); }
};

// The manager whose earlier applies count as meshform's own.
inline constexpr const char* kFieldManager = "meshform";

// `live` is the object as read from the cluster (with metadata.managedFields). Server-owned
// fields (status, resourceVersion, uid, timestamps, managedFields, generation) are never compared.
ObjectDiff DiffObject(const nlohmann::json& desired, const nlohmann::json& live,
                      const std::string& manager = kFieldManager);

// The value at `path` in `object`, following list items by key, value or index.
std::optional<nlohmann::json> ValueAt(const nlohmann::json& object, const Path& path);

}  // namespace meshform::ssa
