// Base64 (standard alphabet, RFC 4648) for kubeconfig *-data fields and Secret data.
#pragma once

#include <optional>
#include <string>

namespace meshform::util {

std::string Base64Encode(const std::string& bytes);
// nullopt when `text` is not valid base64 (whitespace is ignored).
std::optional<std::string> Base64Decode(const std::string& text);

}  // namespace meshform::util
