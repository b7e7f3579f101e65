// SourceMap lookups, falling back to the nearest ancestor that was written in the file.
#include "engine/topology/source_map.h"

#include "engine/topology/json_pointer.h"

namespace meshform::topology {
namespace {

bool IsIndex(const std::string& token) {
  if (token.empty() || token.size() > 9) return false;
  for (char c : token)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

void SourceMap::Add(const std::string& pointer, int line, int column, int key_line, int key_column,
                    bool is_sequence) {
  entries_[pointer] = Entry{line, column, key_line, key_column, is_sequence};
}

const SourceMap::Entry* SourceMap::Nearest(const std::string& pointer) const {
  std::string current = pointer;
  while (true) {
    auto it = entries_.find(current);
    if (it != entries_.end()) return &it->second;
    if (current.empty()) return nullptr;
    current = PointerParent(current);
  }
}

Location SourceMap::ValueAt(const std::string& pointer) const {
  const Entry* entry = Nearest(pointer);
  if (!entry) return Location{file_, 1, 1};
  return Location{file_, entry->line, entry->column};
}

Location SourceMap::KeyAt(const std::string& pointer) const {
  auto it = entries_.find(pointer);
  if (it != entries_.end() && it->second.key_line > 0)
    return Location{file_, it->second.key_line, it->second.key_column};
  return ValueAt(pointer);
}

std::string SourceMap::FieldOf(const std::string& pointer) const {
  std::string field, prefix;
  bool parent_is_sequence = false;
  for (const auto& token : PointerTokens(pointer)) {
    auto it = entries_.find(prefix);
    parent_is_sequence = it != entries_.end() ? it->second.is_sequence : IsIndex(token);
    field = parent_is_sequence && IsIndex(token) ? FieldAppend(field, std::stoul(token))
                                                 : FieldAppend(field, token);
    prefix = PointerAppend(prefix, token);
  }
  return field;
}

}  // namespace meshform::topology
