// Validating documents meshform prints against the JSON Schemas in schemas/ (valijson), for the
// tests that promise a format: one readable line per violation, none when the document conforms.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace meshform::testing {

// `schema` is a file name under schemas/ ("check.schema.json").
std::vector<std::string> SchemaViolations(const std::string& schema,
                                          const nlohmann::json& document);

}  // namespace meshform::testing
