// Rollback (see rollback.h).
#include "engine/apply/rollback.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>

#include "engine/apply/execution_graph.h"
#include "engine/apply/scheduler.h"
#include "resources/ordering.h"

namespace meshform::apply {

namespace {

// Undoes the effects of one step, last first; returns the first error ("" when all succeeded).
std::string UndoStep(const std::string& step, StepRunner& runner, Journal& journal) {
  auto effects = journal.EffectsOf(step);
  std::string first_error;
  for (auto it = effects.rbegin(); it != effects.rend(); ++it) {
    try {
      runner.Undo(it->second);
      journal.MarkUndone(it->first, true);
    } catch (const std::exception& e) {
      journal.MarkUndone(it->first, false);
      if (first_error.empty()) first_error = e.what();
    }
  }
  return first_error;
}

// An object this run created (the write was answered: its uid is known).
bool Created(const Effect& e) {
  return e.target == Effect::Target::kObject && !e.prior && e.op != "delete" &&
         e.state == Effect::State::kApplied && !e.result_uid.empty();
}

std::string NamespaceOf(const Effect& e) {
  return e.identity.is_object() && e.identity.contains("metadata")
             ? e.identity["metadata"].value("namespace", "")
             : "";
}

// The journal as rollback starts, read once: every effect (its id is its index) and, per plan
// change, the ids of its effects.
struct Written {
  std::vector<Effect> all;
  std::vector<std::vector<size_t>> of;  // by plan change

  Written(const plan::Plan& plan, const Journal& journal) : all(journal.All()) {
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < plan.changes.size(); ++i) index[plan.changes[i].address] = i;
    of.resize(plan.changes.size());
    for (size_t id = 0; id < all.size(); ++id) {
      auto it = index.find(all[id].step);
      if (it != index.end()) of[it->second].push_back(id);
    }
  }
  bool ValuesOnly(size_t i) const {
    return !of[i].empty() && std::all_of(of[i].begin(), of[i].end(), [&](size_t id) {
      return all[id].target == Effect::Target::kValue;
    });
  }
};

// For each step whose every effect created an object inside a namespace this run created, that
// namespace's step (SIZE_MAX for the others): undoing the namespace (deleting it and waiting
// until it is gone) removes them, as destroy leaves a namespace's contents to its deletion.
std::vector<size_t> LeftToCreatedNamespaces(const Written& written) {
  std::vector<size_t> ns_of(written.of.size(), SIZE_MAX);
  std::map<std::pair<std::string, std::string>, size_t> created;  // (cluster, name) → step
  for (size_t i = 0; i < written.of.size(); ++i) {
    for (size_t id : written.of[i]) {
      const Effect& e = written.all[id];
      if (Created(e) && e.identity.value("apiVersion", "") == "v1" &&
          e.identity.value("kind", "") == "Namespace") {
        created[{e.cluster, e.identity["metadata"].value("name", "")}] = i;
      }
    }
  }
  if (created.empty()) return ns_of;
  for (size_t i = 0; i < written.of.size(); ++i) {
    size_t ns = SIZE_MAX;
    for (size_t id : written.of[i]) {
      const Effect& e = written.all[id];
      auto it = Created(e) ? created.find({e.cluster, NamespaceOf(e)}) : created.end();
      if (it == created.end() || (ns != SIZE_MAX && ns != it->second)) {
        ns = SIZE_MAX;
        break;
      }
      ns = it->second;
    }
    if (ns != i) ns_of[i] = ns;
  }
  return ns_of;
}

}  // namespace

RollbackResult Rollback(const plan::Plan& plan, const graph::Dag& dag, StepRunner& runner,
                        Journal& journal, Status& status, int parallelism) {
  const Written written(plan, journal);
  int steps = 0;
  for (const auto& ids : written.of) steps += ids.empty() ? 0 : 1;
  status.RollbackStarted(steps);
  // The reversed graph (without the edges whose order does not matter when deleting,
  // resources/ordering.h), with what waited for a step left to its namespace waiting for the
  // namespace to be gone instead.
  graph::Dag reversed = dag.Reversed();
  std::vector<size_t> ns_of = LeftToCreatedNamespaces(written);
  std::vector<bool> values_only(plan.changes.size(), false);
  for (size_t i = 0; i < plan.changes.size(); ++i) values_only[i] = written.ValuesOnly(i);
  std::vector<std::vector<size_t>> waits(reversed.size());
  std::map<size_t, std::vector<size_t>> left_to;  // namespace step → steps it removes
  for (size_t i = 0; i < reversed.size(); ++i) {
    // i is undone after what depended on it, where that order matters when deleting: not
    // between a value and what used it (a remote secret and the token in it: putting back a
    // value in the run's memory orders nothing in a cluster, and through them every cluster's
    // istio-system would wait for the next one's), nor the edges of resources/ordering.h's
    // DestroyKeepsOrder.
    if (values_only[i]) continue;
    for (size_t dependent : reversed.dependencies(i)) {
      if (!values_only[dependent] &&
          resources::DestroyKeepsOrder(plan.changes[dependent].resource, plan.changes[i].resource))
        waits[i].push_back(dependent);
    }
    if (ns_of[i] != SIZE_MAX) left_to[ns_of[i]].push_back(i);
  }
  RedirectToNamespaces(ns_of, waits);
  graph::Dag order = graph::Dag::From(std::move(waits));

  RollbackResult result;
  std::mutex mu;
  std::atomic<int> undone{0};
  // A step left to its namespace is reported, and its effects marked, when the namespace's
  // undo has ended: undone only if the namespace is gone.
  auto finish_left = [&](size_t ns, const std::string& ns_error) {
    std::vector<size_t> left;
    {
      std::lock_guard<std::mutex> lock(mu);
      auto it = left_to.find(ns);
      if (it == left_to.end()) return;
      left = std::move(it->second);
      left_to.erase(it);
    }
    for (size_t i : left) {
      const auto& address = plan.changes[i].address;
      status.UndoStarted(address);
      for (size_t id : written.of[i]) journal.MarkUndone(id, ns_error.empty());
      std::string error = ns_error.empty() ? ""
                                           : "left to the deletion of namespace " +
                                                 plan.changes[ns].address + ", which " + ns_error;
      status.UndoFinished(address, error.empty(), error);
      std::lock_guard<std::mutex> lock(mu);
      if (error.empty()) {
        ++undone;
      } else {
        result.errors.push_back({address, error});
      }
    }
  };
  ScheduleOptions options{parallelism, false, true};
  RunDag(order, options, [&](size_t i) {
    const auto& address = plan.changes[i].address;
    if (written.of[i].empty() || ns_of[i] != SIZE_MAX) return true;
    status.UndoStarted(address);
    std::string error = UndoStep(address, runner, journal);
    status.UndoFinished(address, error.empty(), error);
    finish_left(i, error.empty() ? "" : "failed");
    if (!error.empty()) {
      std::lock_guard<std::mutex> lock(mu);
      result.errors.push_back({address, error});
      return false;
    }
    ++undone;
    return true;
  });
  // Namespaces whose undo never ended (a step that threw something other than an exception).
  std::vector<size_t> unfinished;
  for (const auto& [ns, left] : left_to) unfinished.push_back(ns);
  for (size_t ns : unfinished) finish_left(ns, "never ended");
  result.undone_steps = undone.load();
  return result;
}

}  // namespace meshform::apply
