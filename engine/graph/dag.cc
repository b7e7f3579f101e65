// The one DAG type (see dag.h).
#include "engine/graph/dag.h"

#include <algorithm>
#include <string>

#include "engine/graph/cycle.h"

namespace meshform::graph {

namespace {

std::string CycleText(const std::vector<size_t>& cycle) {
  std::string text;
  for (size_t i : cycle) text += (text.empty() ? "" : " -> ") + std::to_string(i);
  return "dependency cycle among nodes " + text;
}

}  // namespace

CycleError::CycleError(std::vector<size_t> cycle)
    : Error(CycleText(cycle)), cycle_(std::move(cycle)) {}

Dag Dag::From(std::vector<std::vector<size_t>> dependencies) {
  Dag dag;
  const size_t n = dependencies.size();
  dag.dependents_.resize(n);
  std::vector<size_t> kept_for(n, n);  // kept_for[d] == i: d is already among i's dependencies
  for (size_t i = 0; i < n; ++i) {
    auto& deps = dependencies[i];
    auto kept_end = std::remove_if(deps.begin(), deps.end(), [&](size_t d) {
      if (kept_for[d] == i) return true;
      kept_for[d] = i;
      return false;
    });
    deps.erase(kept_end, deps.end());
    for (size_t d : deps) dag.dependents_[d].push_back(i);
    dag.edge_count_ += deps.size();
  }
  if (auto cycle = FindCycle(dependencies); !cycle.empty()) throw CycleError(std::move(cycle));
  dag.dependencies_ = std::move(dependencies);
  return dag;
}

Dag Dag::Reversed() const {
  Dag dag;
  dag.dependencies_ = dependents_;
  dag.dependents_ = dependencies_;
  dag.edge_count_ = edge_count_;
  return dag;
}

std::vector<size_t> Dag::TopologicalOrder() const { return TopologicalSort(dependencies_); }

}  // namespace meshform::graph
