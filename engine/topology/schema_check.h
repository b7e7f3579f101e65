// Checking the document against the topology JSON Schema with valijson, and turning valijson's
// terse errors into readable messages at the right file:line:col.
#pragma once

#include "engine/topology/diagnostic.h"
#include "engine/topology/yaml_positions.h"

namespace meshform::topology {

// Adds a diagnostic for every schema violation, unknown keys included.
void CheckSchema(const YamlDocument& document, Diagnostics* diagnostics);

}  // namespace meshform::topology
