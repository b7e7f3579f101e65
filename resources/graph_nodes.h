// The bridge from resources to the dependency graph: one graph node per resource.
#pragma once

#include <vector>

#include "engine/graph/graph.h"
#include "resources/resource.h"

namespace meshform::resources {

// Node i is set[i] (address, cluster, depends_on, origin).
std::vector<graph::Node> GraphNodes(const ResourceSet& set);

// Builds the graph of `set`. Throws graph::GraphError.
graph::Graph BuildGraph(const ResourceSet& set);

}  // namespace meshform::resources
