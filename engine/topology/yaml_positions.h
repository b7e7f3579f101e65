// Reading the topology YAML into JSON (what the schema validator sees) while remembering where
// every value and key was written (the SourceMap), so that each later diagnostic can point at
// file:line:col. Syntax errors carry the YAML parser's own line and column.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/topology/diagnostic.h"
#include "engine/topology/source_map.h"

namespace meshform::topology {

struct YamlDocument {
  nlohmann::json json;
  SourceMap map;
};

// Parses `text` (one YAML document) read from `file`. Returns false, with diagnostics added,
// when the text is not YAML at all; problems inside a readable document (duplicate keys,
// non-scalar keys) are added as diagnostics but still return true.
bool ReadYamlDocument(const std::string& text, const std::string& file, YamlDocument* out,
                      Diagnostics* diagnostics);

// A yaml-cpp mark (0-based) as a 1-based Location in `file`.
Location ToLocation(const std::string& file, int line0, int column0);

}  // namespace meshform::topology
