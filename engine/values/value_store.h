// Generated and observed values (CA certificates and keys, tokens, endpoints, load-balancer
// addresses), by value address and field. Filled by plan (what can be known before apply) and
// by apply (the rest, in dependency order); read to substitute placeholders. Thread-safe.
// Everything here is treated as sensitive: never printed, logged or written to a plan file.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace meshform::values {

class ValueStore {
 public:
  using Fields = std::map<std::string, std::string>;

  ValueStore() = default;
  ValueStore(const ValueStore& other);
  ValueStore& operator=(const ValueStore& other);

  void Set(const std::string& address, Fields fields);
  bool Has(const std::string& address) const;
  std::optional<Fields> Get(const std::string& address) const;
  // The field's value; throws meshform::Error naming address and field when unknown.
  std::string Field(const std::string& address, const std::string& field) const;
  void Erase(const std::string& address);

 private:
  mutable std::mutex mu_;
  std::map<std::string, Fields> values_;
};

}  // namespace meshform::values
