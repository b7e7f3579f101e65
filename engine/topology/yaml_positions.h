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
// when there is no usable document (syntax error, empty, non-scalar key, size or depth limit);
// duplicate keys and a second document are reported but still return true (the first value of a
// duplicate key is kept).
bool ReadYamlDocument(const std::string& text, const std::string& file, YamlDocument* out,
                      Diagnostics* diagnostics);

// A yaml-cpp mark (0-based) as a 1-based Location in `file`.
Location ToLocation(const std::string& file, int line0, int column0);

}  // namespace meshform::topology
