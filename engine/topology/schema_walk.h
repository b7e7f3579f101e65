// Walking a document together with the schema that describes each of its values: follows
// $ref, properties, additionalProperties and items (all the topology schema uses).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

namespace meshform::topology {

class SchemaWalker {
 public:
  explicit SchemaWalker(const nlohmann::json& root) : root_(root) {}

  // `schema` with its $ref chain followed.
  const nlohmann::json& Resolve(const nlohmann::json& schema) const;

  // The resolved schema of `container`'s member `token` (a key, or an index for arrays);
  // nullptr when the schema does not describe it.
  const nlohmann::json* Child(const nlohmann::json& schema, const nlohmann::json& container,
                              const std::string& token) const;

  // The resolved schema of the value at `pointer` inside `data`; nullptr when undescribed.
  const nlohmann::json* At(const nlohmann::json& data, const std::string& pointer) const;

  // Calls `visit(value, resolved schema, pointer)` for `data` and every value below it that
  // the schema describes, parents first.
  using Visitor = std::function<void(const nlohmann::json& value, const nlohmann::json& schema,
                                     const std::string& pointer)>;
  void Walk(const nlohmann::json& data, const Visitor& visit) const;

 private:
  void WalkFrom(const nlohmann::json& value, const nlohmann::json& schema,
                const std::string& pointer, const Visitor& visit, int depth) const;

  const nlohmann::json& root_;
};

}  // namespace meshform::topology
