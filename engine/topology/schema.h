// The topology JSON Schema (schemas/topology.schema.json, compiled into the binary), parsed
// once: as JSON for the loader's own walks, and as a valijson schema for validation.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <valijson/schema.hpp>

namespace meshform::topology {

std::string_view TopologySchemaText();
const nlohmann::json& TopologySchemaJson();
const valijson::Schema& TopologySchema();

}  // namespace meshform::topology
