// SchemaWalker: resolving the subschema of a value and visiting a document with its schema.
#include "engine/topology/schema_walk.h"

#include "engine/topology/json_pointer.h"

namespace meshform::topology {
namespace {

bool ParseIndex(const std::string& token, size_t* index) {
  if (token.empty() || token.size() > 9) return false;
  for (char c : token)
    if (c < '0' || c > '9') return false;
  *index = std::stoul(token);
  return true;
}

}  // namespace

const nlohmann::json& SchemaWalker::Resolve(const nlohmann::json& schema) const {
  const nlohmann::json* current = &schema;
  for (int hops = 0; hops < 16 && current->is_object() && current->contains("$ref"); ++hops) {
    const std::string ref = (*current)["$ref"].get<std::string>();
    if (ref.empty() || ref[0] != '#') break;
    current = &root_.at(nlohmann::json::json_pointer(ref.substr(1)));
  }
  return *current;
}

const nlohmann::json* SchemaWalker::Child(const nlohmann::json& schema,
                                          const nlohmann::json& container,
                                          const std::string& token) const {
  const nlohmann::json& s = Resolve(schema);
  if (!s.is_object()) return nullptr;
  if (container.is_array()) {
    auto items = s.find("items");
    return items != s.end() && items->is_object() ? &Resolve(*items) : nullptr;
  }
  if (!container.is_object()) return nullptr;
  auto properties = s.find("properties");
  if (properties != s.end() && properties->contains(token)) return &Resolve((*properties)[token]);
  auto additional = s.find("additionalProperties");
  if (additional != s.end() && additional->is_object()) return &Resolve(*additional);
  return nullptr;
}

const nlohmann::json* SchemaWalker::At(const nlohmann::json& data,
                                       const std::string& pointer) const {
  const nlohmann::json* schema = &Resolve(root_);
  const nlohmann::json* value = &data;
  for (const auto& token : PointerTokens(pointer)) {
    schema = Child(*schema, *value, token);
    if (!schema) return nullptr;
    if (value->is_array()) {
      size_t index = 0;
      if (!ParseIndex(token, &index) || index >= value->size()) return schema;
      value = &(*value)[index];
    } else if (value->is_object() && value->contains(token)) {
      value = &(*value)[token];
    } else {
      return schema;
    }
  }
  return schema;
}

void SchemaWalker::Walk(const nlohmann::json& data, const Visitor& visit) const {
  WalkFrom(data, Resolve(root_), "", visit, 0);
}

void SchemaWalker::WalkFrom(const nlohmann::json& value, const nlohmann::json& schema,
                            const std::string& pointer, const Visitor& visit, int depth) const {
  visit(value, schema, pointer);
  if (depth > 64) return;
  if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) {
      const nlohmann::json* child = Child(schema, value, std::to_string(i));
      if (child) WalkFrom(value[i], *child, PointerAppend(pointer, i), visit, depth + 1);
    }
  } else if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      const nlohmann::json* child = Child(schema, value, key);
      if (child) WalkFrom(member, *child, PointerAppend(pointer, key), visit, depth + 1);
    }
  }
}

}  // namespace meshform::topology
