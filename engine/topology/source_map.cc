// SourceMap lookups, falling back to the nearest ancestor that was written in the file.
#include "engine/topology/source_map.h"

#include <cctype>

#include "engine/topology/json_pointer.h"

namespace meshform::topology {
namespace {

bool IsIndex(const std::string& token) {
  if (token.empty() || token.size() > 9) return false;
  for (char c : token)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

void SourceMap::Add(const std::string& pointer, Location value, Location key, std::string field) {
  Entry entry;
  entry.has_key = key.line > 0;
  entry.value = std::move(value);
  entry.key = std::move(key);
  entry.field = std::move(field);
  entries_[pointer] = std::move(entry);
}

const SourceMap::Entry* SourceMap::Nearest(const std::string& pointer, std::string* rest) const {
  std::string current = pointer;
  while (true) {
    auto it = entries_.find(current);
    if (it != entries_.end()) {
      if (rest) *rest = pointer.substr(current.size());
      return &it->second;
    }
    if (current.empty()) return nullptr;
    current = PointerParent(current);
  }
}

Location SourceMap::ValueAt(const std::string& pointer) const {
  const Entry* entry = Nearest(pointer, nullptr);
  if (!entry) return Location{file_, 1, 1};
  return entry->value;
}

Location SourceMap::KeyAt(const std::string& pointer) const {
  auto it = entries_.find(pointer);
  if (it != entries_.end() && it->second.has_key) return it->second.key;
  return ValueAt(pointer);
}

std::string SourceMap::FieldOf(const std::string& pointer) const {
  std::string rest;
  const Entry* entry = Nearest(pointer, &rest);
  std::string field = entry ? entry->field : "";
  for (const auto& token : PointerTokens(rest))
    field = IsIndex(token) ? FieldAppend(field, std::stoul(token)) : FieldAppend(field, token);
  return field;
}

}  // namespace meshform::topology
