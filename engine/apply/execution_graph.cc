// The execution graph of a plan (see execution_graph.h).
#include "engine/apply/execution_graph.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>

#include "engine/util/error.h"
#include "resources/ordering.h"

namespace meshform::apply {

namespace {

// The steps of a destroy left to their namespace's deletion (plan/namespace_cascade.h).
std::vector<size_t> CascadedSteps(const plan::Plan& plan,
                                  const std::map<std::string, size_t>& index) {
  std::vector<size_t> ns_of(plan.changes.size(), SIZE_MAX);
  for (size_t i = 0; i < plan.changes.size(); ++i) {
    if (plan.changes[i].deleted_with.empty()) continue;
    auto it = index.find(plan.changes[i].deleted_with);
    if (it != index.end()) ns_of[i] = it->second;
  }
  return ns_of;
}

}  // namespace

// Whatever waited for a step left to its namespace waits for the namespace to be gone instead
// (a CRD for its custom resources). Where that would make steps wait for each other in a cycle
// (a ClusterRoleBinding deleted after its namespace's ServiceAccount but before its Deployment,
// say), the edge stays as it was: that order did not matter for correctness, the object only
// goes a little earlier.
void RedirectToNamespaces(const std::vector<size_t>& ns_of,
                          std::vector<std::vector<size_t>>& waits) {
  if (std::all_of(ns_of.begin(), ns_of.end(), [](size_t n) { return n == SIZE_MAX; })) return;
  struct Redirect {
    size_t waiter, from, to;
  };
  std::vector<Redirect> redirects;
  for (size_t x = 0; x < waits.size(); ++x) {
    for (size_t& d : waits[x]) {
      size_t n = ns_of[d];
      if (n == SIZE_MAX || n == x || ns_of[x] == n) continue;
      redirects.push_back({x, d, n});
      d = n;
    }
  }
  for (;;) {
    try {
      graph::Dag::From(waits);
      return;
    } catch (const graph::CycleError& cycle) {
      // Undo one redirect on the cycle: an edge waiter → namespace made by it.
      const auto& nodes = cycle.cycle();
      bool undone = false;
      for (size_t k = 0; k < nodes.size() && !undone; ++k) {
        size_t waiter = nodes[k], next = nodes[(k + 1) % nodes.size()];
        for (auto r = redirects.begin(); r != redirects.end() && !undone; ++r) {
          if (r->waiter != waiter || r->to != next) continue;
          auto& list = waits[waiter];
          auto at = std::find(list.begin(), list.end(), next);
          if (at != list.end()) *at = r->from;
          redirects.erase(r);
          undone = true;
        }
      }
      if (!undone) return;  // a cycle of the plan itself: reported by the caller
    }
  }
}

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
        // Delete the dependent before its dependency, where that order matters.
        if (!resources::DestroyKeepsOrder(plan.changes[i].resource,
                                          plan.changes[it->second].resource)) {
          continue;
        }
        waits[it->second].push_back(i);
      } else {
        waits[i].push_back(it->second);
      }
    }
  }
  RedirectToNamespaces(CascadedSteps(plan, index), waits);
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
