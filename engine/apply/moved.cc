// Whether an object moved between two reads (see moved.h).
#include "engine/apply/moved.h"

#include <map>
#include <set>

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

}  // namespace

json EditableContent(const json& object) {
  json out = object;
  out.erase("status");
  if (out.contains("metadata") && out["metadata"].is_object()) {
    for (const char* key : {"resourceVersion", "managedFields", "generation"}) {
      out["metadata"].erase(key);
    }
  }
  return out;
}

bool Edited(const json& before, const json& after) {
  return EditableContent(before) != EditableContent(after);
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

}  // namespace meshform::apply
