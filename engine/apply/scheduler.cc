// The TBB scheduler of the executor (see scheduler.h). A task_arena sized to the parallelism
// caps how many nodes run at once; a task_group runs each node when its last dependency
// succeeds. Steps block on network I/O, so the process-wide worker limit is raised to match (by
// AllowParallelism, the one place that sets it).
#include "engine/apply/scheduler.h"

#include <tbb/task_arena.h>
#include <tbb/task_group.h>

#include <algorithm>
#include <atomic>
#include <memory>

#include "engine/util/parallelism.h"
#include "engine/util/tsan.h"

namespace meshform::apply {

bool ScheduleResult::AllSucceeded() const {
  return std::all_of(states.begin(), states.end(),
                     [](NodeState s) { return s == NodeState::kSucceeded; });
}

namespace {

class Run {
 public:
  Run(const graph::Dag& dag, const ScheduleOptions& options, const std::function<bool(size_t)>& run)
      : dag_(dag), options_(options), run_(run), remaining_(dag.size()), states_(dag.size()) {
    for (size_t i = 0; i < dag.size(); ++i) {
      remaining_[i].store(static_cast<int>(dag.dependencies(i).size()));
      states_[i].store(NodeState::kNotStarted);
    }
  }

  ScheduleResult Execute() {
    int parallelism = std::max(1, options_.parallelism);
    AllowParallelism(parallelism);
    tbb::task_arena arena(parallelism, 1);
    arena.execute([&] {
      for (size_t i = 0; i < dag_.size(); ++i) {
        if (dag_.dependencies(i).empty()) Spawn(i);
      }
      group_.wait();
    });
    TsanAcquire(&ended_);
    ScheduleResult result;
    result.stopped = stopped_.load();
    for (auto& s : states_) result.states.push_back(s.load());
    return result;
  }

 private:
  // TBB orders the spawner's writes (a dependency's result) before the node, and every node
  // before Execute returns; TsanRelease/TsanAcquire tell TSan so (util/tsan.h). The task is
  // built (defer: its closure written) before the release, and runs only after it; the task
  // reads its closure, which holds the token, before the acquire, with TSan told to ignore
  // those reads; everything else it reads after.
  void Spawn(size_t i) {
    tbb::task_handle task = group_.defer([this, i] {
      TsanIgnoreReadsBegin();
      Run* self = this;
      size_t node = i;
      const void* token = &remaining_[i];
      TsanIgnoreReadsEnd();
      TsanAcquire(token);
      self->Node(node);
      TsanRelease(&self->ended_);
    });
    TsanRelease(&remaining_[i]);
    group_.run(std::move(task));
  }

  void Node(size_t i) {
    if (stopped_.load()) return;
    bool ok = false;
    try {
      ok = run_(i);
    } catch (...) {
      ok = false;
    }
    states_[i].store(ok ? NodeState::kSucceeded : NodeState::kFailed);
    if (!ok) {
      if (options_.stop_on_failure) stopped_.store(true);
      if (!options_.release_dependents_on_failure) return;
    }
    for (size_t next : dag_.dependents(i)) {
      if (remaining_[next].fetch_sub(1) == 1) Spawn(next);
    }
  }

  const graph::Dag& dag_;
  const ScheduleOptions& options_;
  const std::function<bool(size_t)>& run_;
  std::vector<std::atomic<int>> remaining_;
  std::vector<std::atomic<NodeState>> states_;
  std::atomic<bool> stopped_{false};
  char ended_ = 0;  // TSan token: every node's end, acquired after the wait
  tbb::task_group group_;
};

}  // namespace

ScheduleResult RunDag(const graph::Dag& dag, const ScheduleOptions& options,
                      const std::function<bool(size_t)>& run) {
  Run r(dag, options, run);
  return r.Execute();
}

}  // namespace meshform::apply
