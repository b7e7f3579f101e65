// Readable messages for valijson errors, written from the subschema that failed and the value
// that failed it ("70000 is out of range 1..65535" instead of "Expected number less than ...").
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace meshform::topology {

struct SchemaMessage {
  std::string message;
  std::string subfield;  // a key below the failing value the message is about (required keys)
  bool skip = false;     // valijson's summary of a nested error: nothing to report
};

// `description` is valijson's; `value` the failing value (null when absent); `schema` the
// resolved subschema of the value (may be null).
SchemaMessage TranslateSchemaError(const std::string& description, const nlohmann::json& value,
                                   const nlohmann::json* schema);

// "string 'abc'", "integer 5", "a list", ... for messages.
std::string DescribeValue(const nlohmann::json& value);

}  // namespace meshform::topology
