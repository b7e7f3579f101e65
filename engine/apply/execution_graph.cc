// The execution graph of a plan (see execution_graph.h).
#include "engine/apply/execution_graph.h"

#include <map>
#include <string>

#include "engine/util/error.h"

namespace meshform::apply {

graph::Dag ExecutionGraph(const plan::Plan& plan) {
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
  try {
    return graph::Dag::From(std::move(waits));
  } catch (const graph::CycleError& cycle) {
    // Refused before anything runs, named in the plan's addresses.
    std::string text;
    for (size_t i : cycle.cycle()) text += plan.changes[i].address + " -> ";
    throw Error("the plan's steps wait for each other in a cycle: " + text +
                plan.changes[cycle.cycle().front()].address + "; nothing was changed");
  }
}

}  // namespace meshform::apply
