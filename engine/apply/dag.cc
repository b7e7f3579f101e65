// The execution graph of a plan (see dag.h).
#include "engine/apply/dag.h"

#include <algorithm>
#include <map>

#include "engine/graph/cycle.h"
#include "engine/util/error.h"

namespace meshform::apply {

namespace {

// A cycle would leave its steps never started; refuse it before anything runs, naming it.
void RefuseCycle(const plan::Plan& plan, const std::vector<std::vector<size_t>>& waits) {
  auto cycle = graph::FindCycle(waits);
  if (cycle.empty()) return;
  std::string text;
  for (size_t i : cycle) text += (text.empty() ? "" : " -> ") + plan.changes[i].address;
  throw Error("the plan's steps wait for each other in a cycle: " + text + " -> " +
              plan.changes[cycle.front()].address + "; nothing was changed");
}

}  // namespace

Dag Dag::FromPlan(const plan::Plan& plan) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < plan.changes.size(); ++i) index[plan.changes[i].address] = i;
  std::vector<std::vector<size_t>> waits(plan.changes.size());
  for (size_t i = 0; i < plan.changes.size(); ++i) {
    for (const auto& dep : plan.changes[i].resource.depends_on) {
      auto it = index.find(dep);
      if (it == index.end() || it->second == i) continue;
      bool both_deleted = plan.changes[i].action == plan::Action::kDelete &&
                          plan.changes[it->second].action == plan::Action::kDelete;
      if (plan.mode == plan::Mode::kDestroy || both_deleted) {
        waits[it->second].push_back(i);  // delete the dependent before its dependency
      } else {
        waits[i].push_back(it->second);
      }
    }
  }
  RefuseCycle(plan, waits);
  return FromEdges(std::move(waits));
}

Dag Dag::FromEdges(std::vector<std::vector<size_t>> waits_for) {
  Dag dag;
  dag.waited_by_.resize(waits_for.size());
  for (size_t i = 0; i < waits_for.size(); ++i) {
    auto& w = waits_for[i];
    std::sort(w.begin(), w.end());
    w.erase(std::unique(w.begin(), w.end()), w.end());
    for (size_t d : w) dag.waited_by_[d].push_back(i);
  }
  dag.waits_for_ = std::move(waits_for);
  return dag;
}

Dag Dag::Reversed() const { return FromEdges(waited_by_); }

}  // namespace meshform::apply
