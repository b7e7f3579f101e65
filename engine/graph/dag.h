// meshform's one directed acyclic graph type, over node indices: node i depends on
// dependencies(i) (they come first) and dependents(i) depend on it. The only way to build one
// is From, which refuses a cycle (Boost.Graph, cycle.h), so every Dag is acyclic. The resource
// graph of a topology (validate, graph, render: graph.h), the execution graph of a plan
// (apply/execution_graph.h) and its rollback (Reversed) are all this type.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/util/error.h"

namespace meshform::graph {

// From found a cycle; cycle() lists its nodes, each depending on the next (and the last on the
// first). Callers name the nodes in their own terms.
class CycleError : public Error {
 public:
  explicit CycleError(std::vector<size_t> cycle);
  const std::vector<size_t>& cycle() const { return cycle_; }

 private:
  std::vector<size_t> cycle_;
};

class Dag {
 public:
  // dependencies[i]: the nodes node i depends on (repeats dropped, order kept; every index must
  // be < dependencies.size()). Throws CycleError.
  static Dag From(std::vector<std::vector<size_t>> dependencies);

  size_t size() const { return dependencies_.size(); }
  size_t edge_count() const { return edge_count_; }
  const std::vector<size_t>& dependencies(size_t i) const { return dependencies_[i]; }
  const std::vector<size_t>& dependents(size_t i) const { return dependents_[i]; }

  // The same nodes with every edge turned around (the order of undoing, of destroying).
  Dag Reversed() const;
  // Every node after all its dependencies; deterministic.
  std::vector<size_t> TopologicalOrder() const;

 private:
  std::vector<std::vector<size_t>> dependencies_;
  std::vector<std::vector<size_t>> dependents_;
  size_t edge_count_ = 0;
};

}  // namespace meshform::graph
