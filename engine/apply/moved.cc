// Whether an object moved between two reads (see moved.h).
#include "engine/apply/moved.h"

#include <map>
#include <optional>
#include <set>
#include <vector>

#include "engine/ssa/editable_content.h"
#include "engine/ssa/field_set.h"
#include "engine/ssa/object_diff.h"

namespace meshform::apply {

namespace {

using nlohmann::json;

// Each main-resource field manager's last write time, by "manager (operation)".
std::map<std::string, std::string> WriteTimes(const json& object) {
  std::map<std::string, std::string> times;
  const json* meta = object.contains("metadata") ? &object["metadata"] : nullptr;
  if (meta == nullptr || !meta->contains("managedFields")) return times;
  for (const auto& entry : (*meta)["managedFields"]) {
    if (!entry.value("subresource", "").empty()) continue;
    times[entry.value("manager", "") + " (" + entry.value("operation", "") + ")"] =
        entry.value("time", "");
  }
  return times;
}

std::string ResourceVersion(const json& object) {
  return object.contains("metadata") ? object["metadata"].value("resourceVersion", "") : "";
}

// Does any path belong to both field sets (one owning a field, or an atomic value above it,
// that the other owns too)?
bool Overlap(const ssa::FieldSet::Node& a, const ssa::FieldSet::Node& b) {
  if (a.owned && b.owned) return true;
  if ((a.owned && a.children.empty() && !b.children.empty()) ||
      (b.owned && b.children.empty() && !a.children.empty())) {
    return true;
  }
  for (const auto& [key, child] : a.children) {
    auto it = b.children.find(key);
    if (it != b.children.end() && Overlap(child, it->second)) return true;
  }
  return false;
}

}  // namespace

bool Edited(const json& before, const json& after) {
  return ssa::EditableContent(before) != ssa::EditableContent(after);
}

std::string DescribeMove(const json& before, const json& after) {
  std::string text = "resourceVersion " + ResourceVersion(before) + " → " + ResourceVersion(after);
  auto then = WriteTimes(before);
  std::string writers;
  for (const auto& [manager, time] : WriteTimes(after)) {
    auto it = then.find(manager);
    if (it != then.end() && it->second == time) continue;
    writers += (writers.empty() ? "" : ", ") + manager;
  }
  if (!writers.empty()) text += ", written by " + writers;
  return text;
}

bool CreatedByThisWrite(const json& object) {
  const json managed =
      object.value("metadata", json::object()).value("managedFields", json::array());
  std::optional<ssa::FieldSet> ours;
  std::vector<ssa::FieldSet> others;
  for (const auto& entry : managed) {
    if (!entry.value("subresource", "").empty()) continue;
    ssa::FieldSet fields = ssa::FieldSet::FromFieldsV1(entry.value("fieldsV1", json::object()));
    if (entry.value("manager", "") == ssa::kFieldManager &&
        entry.value("operation", "") == "Apply") {
      ours = std::move(fields);
    } else {
      others.push_back(std::move(fields));
    }
  }
  if (!ours) return false;
  for (const auto& other : others) {
    if (Overlap(ours->root(), other.root())) return false;
  }
  return true;
}

}  // namespace meshform::apply
