// Where each value of the loaded document was written: JSON pointer -> source position.
//
// The YAML reader fills it while converting to JSON; schema and semantic checks use it to pin a
// diagnostic on the right file:line:col and to name the field by its dotted path. Entries are
// small (positions only); field paths are derived from pointers when a diagnostic needs one.
#pragma once

#include <string>
#include <unordered_map>

#include "engine/topology/model.h"

namespace meshform::topology {

class SourceMap {
 public:
  explicit SourceMap(std::string file = "") : file_(std::move(file)) { entries_.reserve(1024); }

  // Records a node: where its value starts (1-based), where its key was written (line 0 when
  // it is not a mapping member), and whether it is a sequence.
  void Add(const std::string& pointer, int line, int column, int key_line, int key_column,
           bool is_sequence);

  // The value's location, or that of the nearest recorded ancestor (e.g. for a missing key).
  Location ValueAt(const std::string& pointer) const;
  // The key's location when the node is a mapping member, else as ValueAt.
  Location KeyAt(const std::string& pointer) const;
  // The dotted field path, e.g. "clusters[1].network" for "/clusters/1/network".
  std::string FieldOf(const std::string& pointer) const;

  const std::string& file() const { return file_; }

 private:
  struct Entry {
    int line = 0, column = 0, key_line = 0, key_column = 0;
    bool is_sequence = false;
  };
  const Entry* Nearest(const std::string& pointer) const;

  std::string file_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace meshform::topology
