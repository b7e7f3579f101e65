// Placeholders: values inside a desired object that are known only after apply.
//
// Form (a JSON object standing where the value will be):
//   {"$generated": {"from": "<value address>", "field": "<field>"}}
// with two optional members:
//   "encoding": "base64"   the value is base64-encoded when substituted (Secret `data`)
//   "template": "...${value}..."   the value is spliced into this string at ${value}
//                                  (a renderer printed it inside a longer string)
// `from` names a value resource (resources/values.h lists the fields each type provides). The
// object depends on that value. Apply fills placeholders with Substitute() once the values
// exist; plan shows them as "(known after apply)".
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace meshform::resources {

using json = nlohmann::json;

inline constexpr const char* kPlaceholderKey = "$generated";

struct Placeholder {
  std::string from;
  std::string field;
  std::string encoding;   // "" or "base64"
  std::string template_;  // "" or a string holding ${value}
  std::string pointer;    // JSON pointer of the placeholder inside the object (set by Find)
};

json MakePlaceholder(const std::string& from, const std::string& field,
                     const std::string& encoding = "");
json MakeTemplatePlaceholder(const std::string& from, const std::string& field,
                             const std::string& template_text);

bool IsPlaceholder(const json& j);
Placeholder ParsePlaceholder(const json& j);  // requires IsPlaceholder(j)

// Every placeholder in `document`, in document order, with its JSON pointer.
std::vector<Placeholder> FindPlaceholders(const json& document);

// Appends the `from` of every placeholder in `document` (no pointers built: the fast path the
// ordering rules use on every resource).
void CollectPlaceholderSources(const json& document, std::vector<std::string>& out);

// Replaces every placeholder with the resolved value: `resolve(from, field)` returns the raw
// value (a string), to which encoding and template are applied. Throws meshform::Error when
// `resolve` does.
using Resolver = std::function<std::string(const std::string& from, const std::string& field)>;
json Substitute(const json& document, const Resolver& resolve);

// Replaces every placeholder with the string `marker(placeholder)` (for render and plan text).
json ReplacePlaceholders(const json& document,
                         const std::function<std::string(const Placeholder&)>& marker);

}  // namespace meshform::resources
