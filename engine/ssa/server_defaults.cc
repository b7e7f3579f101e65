#include "engine/ssa/server_defaults.h"

#include <vector>

#include "engine/kube/resource.h"

namespace meshform::ssa {
namespace {

struct ItemDefault {
  const char* group;   // API group of the object
  const char* parent;  // the list item's field that holds the atomic list
  const char* list;    // the atomic list
  const char* field;   // a field of the list's items the server defaults
  const char* value;   // its default (a JSON text)
};

const std::vector<ItemDefault>& Rows() {
  static const std::vector<ItemDefault> kRows = {
      // webhooks[].rules[].scope (admissionregistration/v1 RuleWithOperations)
      {"admissionregistration.k8s.io", "webhooks", "rules", "scope", "\"*\""},
  };
  return kRows;
}

// The field that holds the list item containing path's last element: for
// .webhooks[name="x"].rules that is "webhooks".
const PathElement* ParentField(const Path& path) {
  if (path.size() < 3) return nullptr;
  const PathElement& item = path[path.size() - 2];
  const PathElement& parent = path[path.size() - 3];
  if (item.kind == PathElement::Kind::kField || parent.kind != PathElement::Kind::kField)
    return nullptr;
  return &parent;
}

}  // namespace

nlohmann::json WithServerDefaults(const std::string& api_version, const Path& path,
                                  nlohmann::json desired) {
  if (!desired.is_array() || path.empty() || path.back().kind != PathElement::Kind::kField)
    return desired;
  const PathElement* parent = ParentField(path);
  if (parent == nullptr) return desired;
  std::string group = kube::GroupOf(api_version);
  for (const auto& row : Rows()) {
    if (group != row.group || parent->name != row.parent || path.back().name != row.list) continue;
    for (auto& item : desired) {
      if (item.is_object() && !item.contains(row.field))
        item[row.field] = nlohmann::json::parse(row.value);
    }
  }
  return desired;
}

}  // namespace meshform::ssa
