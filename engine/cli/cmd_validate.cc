// meshform validate: load, compile and build the graph without contacting any cluster; print a
// one-line summary, or every problem one per line (exit 1).
#include <iostream>

#include "engine/cli/command.h"
#include "engine/cli/topology_pipeline.h"

namespace meshform::cli {

int RunValidate(const Args& args) {
  po::options_description options;
  options.add(TopologyOptions());
  auto parsed = ParseCommand("validate", "-f FILE", options, args);
  if (parsed.exit_code) return *parsed.exit_code;
  auto compiled = LoadAndCompile(parsed.vars["file"].as<std::string>(), std::cerr);
  if (!compiled) return 1;
  std::cout << "Topology '" << compiled->topology.name
            << "' is valid: " << compiled->topology.clusters.size() << " clusters, "
            << compiled->graph.node_count() << " resources, " << compiled->graph.edge_count()
            << " edges.\n";
  return 0;
}

}  // namespace meshform::cli
