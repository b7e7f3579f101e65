// The one redactor: what meshform must never print, log or write to a file, and how it is
// hidden. Used by the request log (engine/kube), render (resources/), the journal file
// (engine/apply) and the terminal status (engine/cli/views); the plan's own rule for field
// values is plan::ShowValue, which hides every field of a sensitive change.
//
// Hidden, replaced by "(sensitive)":
//   * the values of `data` and `stringData` of every Secret (also the items of a SecretList,
//     whose kind the items may omit), and kubectl's last-applied-configuration annotation of a
//     Secret (it holds the whole Secret);
//   * every string under a credential key anywhere (token, password, client-key-data, ...: see
//     IsCredentialKey), whatever object it is in: TokenRequest and ExecCredential status,
//     kubeconfigs, a ConfigMap key literally named "token" (better safe);
//   * Authorization, Proxy-Authorization and Cookie headers;
//   * in error messages of sensitive steps, every double-quoted value.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace meshform::util {

inline constexpr const char* kSensitive = "(sensitive)";

struct RedactOptions {
  // Hide `data`/`stringData` even when the object is not a Secret (a resource marked sensitive).
  bool sensitive = false;
  // Leave values for which this returns true as they are (render keeps its placeholders, which
  // name a value but hold none). Null: hide everything.
  bool (*keep)(const nlohmann::json& value) = nullptr;
};

// `document` (an object, a list or any JSON) with every secret replaced (see above).
nlohmann::json Redacted(const nlohmann::json& document, const RedactOptions& options = {});

// Every field of a generated value ({token, ca.crt}, {cert, key}, ...) replaced.
nlohmann::json RedactedFields(const nlohmann::json& fields);

// Whether a JSON key names a credential (token, password, client keys, OIDC tokens).
bool IsCredentialKey(const std::string& key);

// Whether an HTTP header carries a credential (case-insensitive).
bool IsCredentialHeader(const std::string& name);

// `message` with every double-quoted value replaced by "(sensitive)".
std::string ScrubQuoted(const std::string& message);

}  // namespace meshform::util
