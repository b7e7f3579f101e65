// Loading a topology file: YAML with source positions, the JSON Schema, then semantic checks.
//
// Every problem found is reported at once, as a Diagnostic pinned to file:line:col and to the
// field's dotted path. Loading never contacts a cluster; it reads only the topology file and the
// files it names (CA certificate and key, raw manifests), and checks the renderer exists.
#pragma once

#include <string>
#include <vector>

#include "engine/topology/diagnostic.h"
#include "engine/topology/model.h"

namespace meshform::topology {

// Reads and checks `path`. Throws LoadError, also when the file cannot be read. Locations name
// the file as `path` was given; relative paths inside it resolve against its folder.
Topology LoadTopologyFile(const std::string& path);

// Checks `yaml` as if it had been read from `file_name` (which names it in locations and whose
// folder relative paths resolve against). Throws LoadError.
Topology LoadTopologyString(const std::string& yaml, const std::string& file_name);

}  // namespace meshform::topology
