// Unknown keys: every key that the schema does not allow where it was written is reported at
// the key itself, with "did you mean" against the keys allowed there (or the list of them).
#pragma once

#include <nlohmann/json.hpp>

#include "engine/topology/diagnostic.h"
#include "engine/topology/schema_walk.h"
#include "engine/topology/source_map.h"

namespace meshform::topology {

void CheckUnknownKeys(const nlohmann::json& data, const SchemaWalker& walker, const SourceMap& map,
                      Diagnostics* diagnostics);

}  // namespace meshform::topology
