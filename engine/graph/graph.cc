// Building the graph: resolving addresses into edges, then the Boost.Graph cycle check.
#include "engine/graph/graph.h"

#include <algorithm>
#include <unordered_map>

#include "engine/graph/cycle.h"
#include "engine/util/strings.h"

namespace meshform::graph {

namespace {

std::string LocationPrefix(const topology::Location& l) {
  if (l.file.empty()) return "";
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column) + ": ";
}

}  // namespace

GraphError::GraphError(std::vector<std::string> lines)
    : Error(util::Join(lines)), lines_(std::move(lines)) {}

Graph Graph::Build(std::vector<Node> nodes) {
  Graph g;
  g.nodes_ = std::move(nodes);
  size_t n = g.nodes_.size();
  std::unordered_map<std::string_view, size_t> index;
  index.reserve(n);
  for (size_t i = 0; i < n; ++i) index.emplace(g.nodes_[i].address, i);
  std::vector<std::vector<size_t>> dependencies(n);
  std::vector<std::string> problems;
  for (size_t i = 0; i < n; ++i) {
    for (const auto& dep : g.nodes_[i].depends_on) {
      auto it = index.find(dep);
      if (it == index.end()) {
        problems.push_back(LocationPrefix(g.nodes_[i].origin) + g.nodes_[i].address +
                           " depends on unknown resource " + dep);
        continue;
      }
      dependencies[i].push_back(it->second);
    }
  }
  if (!problems.empty()) throw GraphError(std::move(problems));
  try {
    g.dag_ = Dag::From(std::move(dependencies));
  } catch (const CycleError& cycle) {
    throw GraphError(DescribeCycle(g.nodes_, cycle.cycle()));
  }
  return g;
}

std::vector<size_t> Graph::DestroyOrder() const {
  std::vector<size_t> order = TopologicalOrder();
  std::reverse(order.begin(), order.end());
  return order;
}

}  // namespace meshform::graph
