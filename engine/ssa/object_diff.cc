#include "engine/ssa/object_diff.h"

#include <map>

#include "engine/ssa/field_set.h"
#include "engine/ssa/server_defaults.h"
#include "resources/placeholder.h"

namespace meshform::ssa {
namespace {

bool ServerOwned(const Path& path) {
  if (path.empty() || path[0].kind != PathElement::Kind::kField) return false;
  if (path[0].name == "status") return true;
  if (path[0].name != "metadata" || path.size() < 2) return false;
  static const char* kServerMeta[] = {"managedFields",    "resourceVersion",   "uid",
                                      "generation",       "creationTimestamp", "selfLink",
                                      "deletionTimestamp"};
  for (const char* name : kServerMeta) {
    if (path[1].kind == PathElement::Kind::kField && path[1].name == name) return true;
  }
  return false;
}

bool ItemMatches(const nlohmann::json& item, const PathElement& e) {
  if (e.kind == PathElement::Kind::kValue) return item == e.value;
  if (!item.is_object()) return false;
  for (const auto& [k, v] : e.value.items()) {
    if (!item.contains(k) || item[k] != v) return false;
  }
  return true;
}

struct Managers {
  FieldSet mine;
  std::map<std::string, FieldSet> others;  // by "manager (operation)"
};

Managers ReadManagers(const nlohmann::json& live, const std::string& manager) {
  Managers m;
  if (!live.contains("metadata") || !live["metadata"].contains("managedFields")) return m;
  for (const auto& entry : live["metadata"]["managedFields"]) {
    std::string name = entry.value("manager", "");
    std::string op = entry.value("operation", "");
    if (!entry.contains("fieldsV1")) continue;
    FieldSet set = FieldSet::FromFieldsV1(entry["fieldsV1"]);
    if (name == manager && op == "Apply") {
      m.mine = std::move(set);
    } else if (entry.value("subresource", "") != "status") {
      m.others.emplace(name, std::move(set));
    }
  }
  return m;
}

void AddConflicts(const Path& path, const Managers& managers, ObjectDiff& diff) {
  for (const auto& [name, set] : managers.others) {
    if (set.Owns(path)) diff.conflicts.push_back({path, name});
  }
}

void CompareDesired(const nlohmann::json& desired, const nlohmann::json& live,
                    const FieldSet& wanted, const Managers& managers, ObjectDiff& diff) {
  for (const Path& path : wanted.Leaves()) {
    if (ServerOwned(path)) continue;
    auto after = ValueAt(desired, path);
    if (!after) continue;
    // A list item node (".") has children in the desired set; its leaves are compared instead.
    auto before = ValueAt(live, path);
    bool generated = resources::IsPlaceholder(*after);
    if (before && !generated && *before == *after) continue;
    if (before && !generated && after->is_array() &&
        *before == WithServerDefaults(desired.value("apiVersion", ""), path, *after)) {
      continue;
    }
    if (before && after->is_object() && after->empty() && before->is_object()) continue;
    FieldChange change;
    change.op = before ? FieldChange::Op::kChange : FieldChange::Op::kAdd;
    change.path = path;
    change.before = before;
    change.after = after;
    diff.changes.push_back(std::move(change));
    if (before) AddConflicts(path, managers, diff);
  }
}

// Fields meshform applied before that the desired object no longer has: the top-most owned
// node that is absent from the desired set is removed (with everything under it).
void CollectRemovals(const FieldSet::Node& node, const FieldSet& wanted, Path& path,
                     const nlohmann::json& live, const Managers& managers, ObjectDiff& diff) {
  for (const auto& [element, child] : node.children) {
    path.push_back(element);
    if (!ServerOwned(path)) {
      if (!wanted.Contains(path) && !wanted.Owns(path)) {
        bool shared = false;
        for (const auto& [name, set] : managers.others) shared = shared || set.Contains(path);
        auto before = ValueAt(live, path);
        if (before && !shared) {
          diff.changes.push_back({FieldChange::Op::kRemove, path, before, std::nullopt});
        }
      } else {
        CollectRemovals(child, wanted, path, live, managers, diff);
      }
    }
    path.pop_back();
  }
}

}  // namespace

std::optional<nlohmann::json> ValueAt(const nlohmann::json& object, const Path& path) {
  const nlohmann::json* node = &object;
  for (const auto& e : path) {
    if (e.kind == PathElement::Kind::kField) {
      if (!node->is_object() || !node->contains(e.name)) return std::nullopt;
      node = &(*node)[e.name];
    } else if (e.kind == PathElement::Kind::kIndex) {
      if (!node->is_array() || e.index < 0 || static_cast<size_t>(e.index) >= node->size()) {
        return std::nullopt;
      }
      node = &(*node)[e.index];
    } else {
      if (!node->is_array()) return std::nullopt;
      const nlohmann::json* found = nullptr;
      for (const auto& item : *node) {
        if (ItemMatches(item, e)) {
          found = &item;
          break;
        }
      }
      if (found == nullptr) return std::nullopt;
      node = found;
    }
  }
  return *node;
}

ObjectDiff DiffObject(const nlohmann::json& desired, const nlohmann::json& live,
                      const std::string& manager) {
  ObjectDiff diff;
  FieldSet wanted = FieldSet::FromObject(desired);
  Managers managers = ReadManagers(live, manager);
  CompareDesired(desired, live, wanted, managers, diff);
  Path path;
  CollectRemovals(managers.mine.root(), wanted, path, live, managers, diff);
  return diff;
}

}  // namespace meshform::ssa
