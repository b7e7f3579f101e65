// A set of field paths stored as a trie: the shape of metadata.managedFields[].fieldsV1.
// Built either from a manager's fieldsV1 (what it owns on the live object) or from a desired
// object (what meshform is about to apply, with the same list semantics the server uses).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "engine/ssa/field_path.h"

namespace meshform::ssa {

class FieldSet {
 public:
  struct Node {
    bool owned = false;  // a leaf, or a node marked "." (owned itself, with owned children)
    std::map<PathElement, Node> children;
  };

  // Parses fieldsV1 ({"f:spec":{"f:replicas":{}}, ...}). Throws meshform::Error.
  static FieldSet FromFieldsV1(const nlohmann::json& fields_v1);

  // The fields server-side apply would record for applying `object` (leaves, list items by key).
  static FieldSet FromObject(const nlohmann::json& object);

  void Insert(const Path& path);

  // True when `path` itself is owned, or lies under an owned leaf (an atomic value).
  bool Owns(const Path& path) const;
  // True when the trie has a node at `path` (owned or an ancestor of owned fields).
  bool Contains(const Path& path) const;
  bool empty() const { return root_.children.empty(); }
  const Node& root() const { return root_; }

  // Every owned leaf (nodes without children), in order.
  std::vector<Path> Leaves() const;

 private:
  Node root_;
};

}  // namespace meshform::ssa
