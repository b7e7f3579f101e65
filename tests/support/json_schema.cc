#include "tests/support/json_schema.h"

#include <fstream>
#include <sstream>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "engine/util/error.h"

namespace meshform::testing {

std::vector<std::string> SchemaViolations(const std::string& schema,
                                          const nlohmann::json& document) {
  std::string path = std::string(MESHFORM_SOURCE_DIR) + "/schemas/" + schema;
  std::ifstream in(path);
  if (!in) throw Error("cannot read " + path);
  nlohmann::json schema_json = nlohmann::json::parse(in);
  valijson::Schema parsed;
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
  parser.populateSchema(schema_adapter, parsed);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(document);
  std::vector<std::string> out;
  if (validator.validate(parsed, adapter, &results)) return out;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    std::string where;
    for (const auto& part : error.context) where += part;
    out.push_back(where + ": " + error.description);
  }
  return out;
}

}  // namespace meshform::testing
