// Cycle detection and topological sorting with Boost.Graph over dependency lists
// (dependencies[i] = the nodes node i depends on).
#pragma once

#include <string>
#include <vector>

#include "engine/graph/graph.h"

namespace meshform::graph {

// One cycle as node indices (a -> b -> ... where each depends on the next), or empty.
std::vector<size_t> FindCycle(const std::vector<std::vector<size_t>>& dependencies);

// "dependency cycle: a -> b -> a" then one line per resource: "  a (file:line:col)".
std::vector<std::string> DescribeCycle(const std::vector<Node>& nodes,
                                       const std::vector<size_t>& cycle);

// Dependencies first. Requires an acyclic graph.
std::vector<size_t> TopologicalSort(const std::vector<std::vector<size_t>>& dependencies);

}  // namespace meshform::graph
