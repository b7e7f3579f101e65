// Lazily parsed, process-wide copies of the embedded topology schema.
#include "engine/topology/schema.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema_parser.hpp>

namespace meshform::topology {

extern const std::string_view kTopologySchemaText;

std::string_view TopologySchemaText() { return kTopologySchemaText; }

const nlohmann::json& TopologySchemaJson() {
  static const nlohmann::json schema = nlohmann::json::parse(kTopologySchemaText);
  return schema;
}

const valijson::Schema& TopologySchema() {
  static const valijson::Schema* schema = [] {
    auto* parsed = new valijson::Schema();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(TopologySchemaJson());
    parser.populateSchema(adapter, *parsed);
    return parsed;
  }();
  return *schema;
}

}  // namespace meshform::topology
