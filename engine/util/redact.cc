// The redactor (see redact.h).
#include "engine/util/redact.h"

#include <cctype>
#include <regex>

namespace meshform::util {
namespace {

using nlohmann::json;

constexpr const char* kLastApplied = "kubectl.kubernetes.io/last-applied-configuration";

void Hide(json& value, const RedactOptions& options) {
  if (options.keep != nullptr && options.keep(value)) return;
  value = kSensitive;
}

void HideSecretData(json& object, const RedactOptions& options) {
  for (const char* field : {"data", "stringData"}) {
    if (!object.contains(field) || !object[field].is_object()) continue;
    for (auto& [key, value] : object[field].items()) Hide(value, options);
  }
  if (!object.contains("metadata") || !object["metadata"].is_object()) return;
  json& metadata = object["metadata"];
  if (metadata.contains("annotations") && metadata["annotations"].is_object() &&
      metadata["annotations"].contains(kLastApplied)) {
    metadata["annotations"][kLastApplied] = kSensitive;
  }
}

void Walk(json& node, const RedactOptions& options, bool top) {
  if (node.is_array()) {
    for (auto& item : node) Walk(item, options, false);
    return;
  }
  if (!node.is_object()) return;
  std::string kind = node.contains("kind") && node["kind"].is_string() ? node["kind"] : "";
  if (kind == "Secret" || (top && options.sensitive)) HideSecretData(node, options);
  for (auto& [key, value] : node.items()) {
    if (IsCredentialKey(key) && value.is_string()) {
      Hide(value, options);
    } else if (value.is_structured()) {
      Walk(value, options, false);
    }
  }
  // A List of Secrets may omit the items' kind.
  if (kind == "SecretList" && node.contains("items") && node["items"].is_array()) {
    for (auto& item : node["items"]) {
      if (item.is_object()) HideSecretData(item, options);
    }
  }
}

}  // namespace

json Redacted(const json& document, const RedactOptions& options) {
  json out = document;
  Walk(out, options, true);
  return out;
}

json RedactedFields(const json& fields) {
  if (!fields.is_object()) return kSensitive;
  json out = json::object();
  for (auto& [key, value] : fields.items()) out[key] = kSensitive;
  return out;
}

bool IsCredentialKey(const std::string& key) {
  static const char* keys[] = {"token",         "password",      "client-key-data",
                               "clientKeyData", "client-key",    "access-token",
                               "id-token",      "refresh-token", "privateKey"};
  for (const char* k : keys) {
    if (key == k) return true;
  }
  return false;
}

bool IsCredentialHeader(const std::string& name) {
  std::string lower = name;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "authorization" || lower == "proxy-authorization" || lower == "cookie";
}

std::string ScrubQuoted(const std::string& message) {
  static const std::regex quoted("\"(?:[^\"\\\\]|\\\\.)*\"");
  return std::regex_replace(message, quoted, kSensitive);
}

}  // namespace meshform::util
