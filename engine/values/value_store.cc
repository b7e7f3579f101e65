#include "engine/values/value_store.h"

#include "engine/util/error.h"

namespace meshform::values {

ValueStore::ValueStore(const ValueStore& other) {
  std::lock_guard<std::mutex> lock(other.mu_);
  values_ = other.values_;
}

ValueStore& ValueStore::operator=(const ValueStore& other) {
  if (this == &other) return *this;
  std::map<std::string, Fields> copy;
  {
    std::lock_guard<std::mutex> lock(other.mu_);
    copy = other.values_;
  }
  std::lock_guard<std::mutex> lock(mu_);
  values_ = std::move(copy);
  return *this;
}

void ValueStore::Set(const std::string& address, Fields fields) {
  std::lock_guard<std::mutex> lock(mu_);
  values_[address] = std::move(fields);
}

bool ValueStore::Has(const std::string& address) const {
  std::lock_guard<std::mutex> lock(mu_);
  return values_.count(address) > 0;
}

std::optional<ValueStore::Fields> ValueStore::Get(const std::string& address) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = values_.find(address);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string ValueStore::Field(const std::string& address, const std::string& field) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = values_.find(address);
  if (it == values_.end()) throw Error("value " + address + " is not known yet");
  auto f = it->second.find(field);
  if (f == it->second.end()) throw Error("value " + address + " has no field '" + field + "'");
  return f->second;
}

void ValueStore::Erase(const std::string& address) {
  std::lock_guard<std::mutex> lock(mu_);
  values_.erase(address);
}

}  // namespace meshform::values
