// The dependency graph over resources (Boost.Graph): build, check for cycles, order.
//
// Edges go from a dependency to its dependent ("A must exist before B"). Building fails with a
// GraphError that lists every dependency on an unknown address, or one cycle with its addresses
// and where each resource involved was declared.
#pragma once

#include <string>
#include <vector>

#include "engine/topology/model.h"
#include "engine/util/error.h"

namespace meshform::graph {

// What the graph needs to know about a resource.
struct Node {
  std::string address;
  std::string cluster;  // "" for values not tied to a cluster (drawn outside the clusters)
  std::vector<std::string> depends_on;
  topology::Location origin;
};

// One line per problem.
class GraphError : public Error {
 public:
  explicit GraphError(std::vector<std::string> lines);
  const std::vector<std::string>& lines() const { return lines_; }

 private:
  std::vector<std::string> lines_;
};

class Graph {
 public:
  // Nodes keep their order; node i is nodes[i]. Throws GraphError.
  static Graph Build(std::vector<Node> nodes);

  size_t node_count() const { return nodes_.size(); }
  size_t edge_count() const { return edge_count_; }
  const Node& node(size_t i) const { return nodes_[i]; }
  // Indices of the nodes `i` depends on, and of those that depend on `i`.
  const std::vector<size_t>& dependencies(size_t i) const { return dependencies_[i]; }
  const std::vector<size_t>& dependents(size_t i) const { return dependents_[i]; }

  // Every node after all its dependencies (the apply order); deterministic.
  std::vector<size_t> TopologicalOrder() const;
  // Every node before all its dependencies (the destroy order).
  std::vector<size_t> DestroyOrder() const;

 private:
  std::vector<Node> nodes_;
  std::vector<std::vector<size_t>> dependencies_;
  std::vector<std::vector<size_t>> dependents_;
  size_t edge_count_ = 0;
};

// Graphviz DOT: one subgraph per cluster, values without a cluster outside; an edge from each
// dependency to its dependent.
std::string ToDot(const Graph& g, const std::string& title = "meshform");

}  // namespace meshform::graph
