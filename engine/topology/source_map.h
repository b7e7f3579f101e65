// Where each value of the loaded document was written: JSON pointer -> source position.
//
// The YAML reader fills it while converting to JSON; schema and semantic checks use it to pin a
// diagnostic on the right file:line:col and to name the field by its dotted path.
#pragma once

#include <string>
#include <unordered_map>

#include "engine/topology/model.h"

namespace meshform::topology {

class SourceMap {
 public:
  explicit SourceMap(std::string file = "") : file_(std::move(file)) {}

  // Records a node: where its value starts, where its key was written (for mapping members),
  // and its field path.
  void Add(const std::string& pointer, Location value, Location key, std::string field);

  // The value's location, or that of the nearest recorded ancestor (e.g. for a missing key).
  Location ValueAt(const std::string& pointer) const;
  // The key's location when the node is a mapping member, else as ValueAt.
  Location KeyAt(const std::string& pointer) const;
  // The dotted field path: recorded, or derived from the nearest recorded ancestor.
  std::string FieldOf(const std::string& pointer) const;

  const std::string& file() const { return file_; }

 private:
  struct Entry {
    Location value;
    Location key;
    bool has_key = false;
    std::string field;
  };
  const Entry* Nearest(const std::string& pointer, std::string* rest) const;

  std::string file_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace meshform::topology
