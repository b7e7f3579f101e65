#include "engine/ssa/field_set.h"

#include "engine/ssa/list_types.h"
#include "engine/util/error.h"
#include "resources/placeholder.h"

namespace meshform::ssa {
namespace {

void ParseInto(const nlohmann::json& tree, FieldSet::Node& node) {
  if (!tree.is_object()) throw Error("fieldsV1 node is not an object");
  if (tree.empty()) node.owned = true;
  for (const auto& [key, child] : tree.items()) {
    if (key == ".") {
      node.owned = true;
      continue;
    }
    ParseInto(child, node.children[PathElement::FromFieldsV1(key)]);
  }
}

struct Walker {
  std::string api_version;
  std::string kind;
  FieldSet* set;

  void Value(const nlohmann::json& value, Path& path) {
    if (value.is_object() && !resources::IsPlaceholder(value) && !value.empty()) {
      for (const auto& [k, v] : value.items()) {
        path.push_back(PathElement::Field(k));
        if (v.is_array()) {
          List(v, path, k);
        } else {
          Value(v, path);
        }
        path.pop_back();
      }
      return;
    }
    set->Insert(path);
  }

  void List(const nlohmann::json& list, Path& path, const std::string& field) {
    std::string parent = ParentField(path);
    ListType type = LookUpListType(api_version, kind, parent, field);
    if (type.kind == ListType::Kind::kAtomic || list.empty()) {
      set->Insert(path);
      return;
    }
    for (const auto& item : list) {
      if (type.kind == ListType::Kind::kSet) {
        path.push_back(PathElement::Value(item));
        set->Insert(path);
      } else {
        nlohmann::json keys = nlohmann::json::object();
        for (const auto& k : type.keys) {
          if (item.contains(k)) {
            keys[k] = item[k];
          } else if (k == "protocol") {
            keys[k] = "TCP";  // the server defaults it, and keys items with it
          }
        }
        path.push_back(PathElement::Key(keys));
        set->Insert(path);  // the item itself (".")
        Value(item, path);
      }
      path.pop_back();
    }
  }

  // The nearest enclosing field name of the list at the end of `path`.
  static std::string ParentField(const Path& path) {
    for (size_t i = path.size() - 1; i-- > 0;) {
      if (path[i].kind == PathElement::Kind::kField) return path[i].name;
    }
    return "";
  }
};

void CollectLeaves(const FieldSet::Node& node, Path& path, std::vector<Path>& out) {
  if (node.children.empty()) {
    if (node.owned) out.push_back(path);
    return;
  }
  for (const auto& [element, child] : node.children) {
    path.push_back(element);
    CollectLeaves(child, path, out);
    path.pop_back();
  }
}

}  // namespace

FieldSet FieldSet::FromFieldsV1(const nlohmann::json& fields_v1) {
  FieldSet set;
  if (fields_v1.is_null()) return set;
  ParseInto(fields_v1, set.root_);
  set.root_.owned = false;
  return set;
}

FieldSet FieldSet::FromObject(const nlohmann::json& object) {
  FieldSet set;
  Walker walker{object.value("apiVersion", ""), object.value("kind", ""), &set};
  Path path;
  walker.Value(object, path);
  return set;
}

void FieldSet::Insert(const Path& path) {
  Node* node = &root_;
  for (const auto& e : path) node = &node->children[e];
  node->owned = true;
}

bool FieldSet::Owns(const Path& path) const {
  const Node* node = &root_;
  for (const auto& e : path) {
    if (node != &root_ && node->owned && node->children.empty()) return true;  // atomic above
    auto it = node->children.find(e);
    if (it == node->children.end()) return false;
    node = &it->second;
  }
  return node->owned;
}

bool FieldSet::Contains(const Path& path) const {
  const Node* node = &root_;
  for (const auto& e : path) {
    auto it = node->children.find(e);
    if (it == node->children.end()) return false;
    node = &it->second;
  }
  return true;
}

std::vector<Path> FieldSet::Leaves() const {
  std::vector<Path> out;
  Path path;
  CollectLeaves(root_, path, out);
  return out;
}

}  // namespace meshform::ssa
