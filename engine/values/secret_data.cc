#include "engine/values/secret_data.h"

#include "engine/util/base64.h"

namespace meshform::values {

std::map<std::string, std::string> DecodedSecretData(const nlohmann::json& secret) {
  std::map<std::string, std::string> out;
  if (!secret.is_object() || !secret.contains("data") || !secret["data"].is_object()) return out;
  for (const auto& [key, value] : secret["data"].items()) {
    if (!value.is_string()) continue;
    if (auto decoded = util::Base64Decode(value.get<std::string>())) out[key] = *decoded;
  }
  return out;
}

}  // namespace meshform::values
