// Conversions between YAML text and JSON values, for renderer output, raw manifests and render.
//
// Plain scalars follow the YAML 1.2 core schema (null, booleans, integers, floats); quoted
// scalars stay strings. Output YAML quotes strings that would otherwise read back as another type.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace meshform::resources {

using json = nlohmann::json;

// One parsed document and the 1-based line where it starts in the text.
struct YamlDocument {
  json value;
  int line = 1;
};

// Every non-empty document of a multi-document YAML text. Throws meshform::Error with
// "<name>:line:col: message" on malformed YAML.
std::vector<YamlDocument> ParseYamlDocuments(const std::string& text, const std::string& name);

// `value` as block-style YAML (keys in the JSON object's order, which is sorted).
std::string ToYaml(const json& value);

}  // namespace meshform::resources
