// meshform graph: the dependency graph as Graphviz DOT on stdout (one subgraph per cluster;
// an edge from each dependency to what depends on it).
#include <iostream>

#include "engine/cli/command.h"
#include "engine/cli/topology_pipeline.h"

namespace meshform::cli {

int RunGraph(const Args& args) {
  po::options_description options;
  options.add(TopologyOptions());
  auto parsed = ParseCommand("graph", "-f FILE", options, args);
  if (parsed.exit_code) return *parsed.exit_code;
  auto compiled = LoadAndCompile(parsed.vars["file"].as<std::string>(), std::cerr);
  if (!compiled) return 1;
  std::cout << graph::ToDot(compiled->graph, compiled->topology.name);
  return 0;
}

}  // namespace meshform::cli
