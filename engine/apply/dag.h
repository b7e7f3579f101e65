// The execution graph of a plan: one node per change, an edge from each change to the changes
// it must wait for. Apply mode follows `resource.depends_on` (dependencies first); destroy mode
// reverses it (dependents first), and so does apply mode between two deletes (prunes). Dependencies
// on addresses outside the plan are ignored
// (--target narrows a plan). Rollback runs the same graph reversed.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/plan/plan.h"

namespace meshform::apply {

class Dag {
 public:
  // Nodes in plan order; edges by the plan's mode. Throws meshform::Error naming the steps of a
  // cycle (graph::FindCycle): a cycle would leave them never started.
  static Dag FromPlan(const plan::Plan& plan);
  // For tests and rollback: node i waits for every node in waits_for[i].
  static Dag FromEdges(std::vector<std::vector<size_t>> waits_for);

  size_t size() const { return waits_for_.size(); }
  // Nodes that must finish before node i starts, and nodes that wait for node i.
  const std::vector<size_t>& waits_for(size_t i) const { return waits_for_[i]; }
  const std::vector<size_t>& waited_by(size_t i) const { return waited_by_[i]; }
  // The same nodes with every edge turned around (the order of undoing).
  Dag Reversed() const;

 private:
  std::vector<std::vector<size_t>> waits_for_;
  std::vector<std::vector<size_t>> waited_by_;
};

}  // namespace meshform::apply
