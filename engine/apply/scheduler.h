// Runs the nodes of a Dag on worker threads, each as soon as everything it waits for has
// succeeded, at most `parallelism` holding a slot at once: the one place where meshform's
// concurrency is capped. A node holds a slot while it works; one that blocks without sending
// requests (waiting for readiness that another thread observes) gives its slot back for that
// time (SlotGivenBack), so that waits never keep ready steps from starting. After the first
// failure (with stop_on_failure) no new node starts; nodes already running finish.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "engine/graph/dag.h"

namespace meshform::apply {

enum class NodeState { kNotStarted, kSucceeded, kFailed };

struct ScheduleOptions {
  int parallelism = 32;
  bool stop_on_failure = true;
  // Rollback: a node that failed still lets the nodes waiting for it run (best effort).
  bool release_dependents_on_failure = false;
};

struct ScheduleResult {
  std::vector<NodeState> states;  // one per node
  bool stopped = false;           // a failure stopped the run early
  bool AllSucceeded() const;
};

// `run(i)` performs node i and returns true on success; it is called from worker threads, never
// twice for a node, and only after every node it waits for returned true. Exceptions thrown by
// `run` count as failures. Without stop_on_failure, independent nodes still run after a failure;
// a failed node's dependents run only with release_dependents_on_failure.
ScheduleResult RunDag(const graph::Dag& dag, const ScheduleOptions& options,
                      const std::function<bool(size_t)>& run);

// Within a node's `run`: gives the node's slot back for this object's lifetime, so that another
// ready node can start meanwhile, and takes a slot again (before any node not yet started) when
// it ends. For blocking that sends no requests of its own. Does nothing outside a node.
class SlotGivenBack {
 public:
  SlotGivenBack();
  ~SlotGivenBack();
  SlotGivenBack(const SlotGivenBack&) = delete;
  SlotGivenBack& operator=(const SlotGivenBack&) = delete;

 private:
  class Slots* slots_;
};

}  // namespace meshform::apply
