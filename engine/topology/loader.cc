// The loader's pipeline: read -> YAML with positions -> schema -> model -> semantic checks.
// Diagnostics from every stage are gathered and thrown together.
#include "engine/topology/loader.h"

#include "engine/topology/file_read.h"
#include "engine/topology/model_builder.h"
#include "engine/topology/paths.h"
#include "engine/topology/schema_check.h"
#include "engine/topology/semantic_check.h"
#include "engine/topology/yaml_positions.h"

namespace meshform::topology {

Topology LoadTopologyString(const std::string& yaml, const std::string& file_name) {
  Diagnostics diagnostics;
  YamlDocument document;
  if (!ReadYamlDocument(yaml, file_name, &document, &diagnostics))
    throw LoadError(diagnostics.Sorted());
  CheckSchema(document, &diagnostics);
  const std::string folder = TopologyFolder(file_name);
  Topology topology = BuildModel(document, folder);
  CheckSemantics(CheckContext{topology, document, folder, &diagnostics});
  if (!diagnostics.empty()) throw LoadError(diagnostics.Sorted());
  return topology;
}

Topology LoadTopologyFile(const std::string& path) {
  std::string text, error;
  if (!ReadWholeFile(path, &text, &error))
    throw LoadError(
        {Diagnostic{Location{path, 1, 1}, "", "cannot read the topology file: " + error}});
  return LoadTopologyString(text, path);
}

}  // namespace meshform::topology
