// The dependency graph over resources: their addresses resolved into a Dag (dag.h), which
// checks for cycles and orders.
//
// Edges go from a dependency to its dependent ("A must exist before B"). Building fails with a
// GraphError that lists every dependency on an unknown address, or one cycle with its addresses
// and where each resource involved was declared.
#pragma once

#include <string>
#include <vector>

#include "engine/graph/dag.h"
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
  size_t edge_count() const { return dag_.edge_count(); }
  const Node& node(size_t i) const { return nodes_[i]; }
  const Dag& dag() const { return dag_; }
  // Indices of the nodes `i` depends on, and of those that depend on `i`.
  const std::vector<size_t>& dependencies(size_t i) const { return dag_.dependencies(i); }
  const std::vector<size_t>& dependents(size_t i) const { return dag_.dependents(i); }

  // Every node after all its dependencies (the apply order); deterministic.
  std::vector<size_t> TopologicalOrder() const { return dag_.TopologicalOrder(); }
  // Every node before all its dependencies (the destroy order).
  std::vector<size_t> DestroyOrder() const;

 private:
  std::vector<Node> nodes_;
  Dag dag_;
};

// Graphviz DOT: one subgraph per cluster, values without a cluster outside; an edge from each
// dependency to its dependent.
std::string ToDot(const Graph& g, const std::string& title = "meshform");

}  // namespace meshform::graph
