// A Secret's data decoded: the raw bytes of every key (the values' readers use it).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace meshform::values {

// `secret.data` (base64 values) decoded; keys with invalid base64 are left out.
std::map<std::string, std::string> DecodedSecretData(const nlohmann::json& secret);

}  // namespace meshform::values
