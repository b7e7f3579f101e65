// Resources as graph nodes.
#include "resources/graph_nodes.h"

namespace meshform::resources {

std::vector<graph::Node> GraphNodes(const ResourceSet& set) {
  std::vector<graph::Node> nodes;
  nodes.reserve(set.size());
  for (const auto& r : set) nodes.push_back({r.address, r.cluster, r.depends_on, r.origin});
  return nodes;
}

graph::Graph BuildGraph(const ResourceSet& set) { return graph::Graph::Build(GraphNodes(set)); }

}  // namespace meshform::resources
