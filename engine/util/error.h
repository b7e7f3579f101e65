// The base of every error meshform reports. Each module derives its own (kube::ApiError,
// topology::LoadError, ...) so that callers can catch what they handle and print the rest.
#pragma once

#include <stdexcept>
#include <string>

namespace meshform {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Prefixes an error message with context, e.g. WithContext("beijing: apply Namespace/x", e).
std::string WithContext(const std::string& context, const std::string& message);

}  // namespace meshform
