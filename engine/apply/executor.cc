// The executor (see executor.h).
#include "engine/apply/executor.h"

#include <atomic>
#include <mutex>
#include <set>

#include "engine/apply/execution_graph.h"
#include "engine/apply/progress_ticker.h"
#include "engine/apply/rollback.h"
#include "engine/apply/scheduler.h"
#include "engine/util/phase_timer.h"

namespace meshform::apply {

namespace {

using Clock = std::chrono::steady_clock;

void Count(const plan::Change& change, ExecuteResult& result) {
  if (!change.resource.is_object()) return;
  switch (change.action) {
    case plan::Action::kCreate:
      ++result.added;
      break;
    case plan::Action::kUpdate:
      ++result.changed;
      break;
    case plan::Action::kReplace:
      ++result.added;
      ++result.destroyed;
      break;
    case plan::Action::kDelete:
      ++result.destroyed;
      break;
    case plan::Action::kNoOp:
      break;
  }
}

class Forward {
 public:
  Forward(const plan::Plan& plan, StepRunner& runner, Journal& journal, Status& status,
          ProgressTicker& ticker, const std::atomic<bool>* cancel)
      : plan_(plan),
        runner_(runner),
        journal_(journal),
        status_(status),
        ticker_(ticker),
        cancel_(cancel) {}

  bool Step(size_t i) {
    const auto& change = plan_.changes[i];
    if (change.action == plan::Action::kNoOp) return true;
    if (cancel_ != nullptr && cancel_->load()) {
      std::lock_guard<std::mutex> lock(mu_);
      result_.errors.push_back({change.address, "not started: the lock was lost"});
      return false;
    }
    status_.StepStarted(change);
    ticker_.Begin(change.address);
    auto start = Clock::now();
    try {
      runner_.Run(change, journal_);
    } catch (const std::exception& e) {
      ticker_.End(change.address);
      status_.StepFailed(change, e.what());
      std::lock_guard<std::mutex> lock(mu_);
      result_.errors.push_back({change.address, e.what()});
      return false;
    }
    ticker_.End(change.address);
    status_.StepFinished(change, Clock::now() - start);
    std::lock_guard<std::mutex> lock(mu_);
    Count(change, result_);
    ++result_.completed_steps;
    return true;
  }

  ExecuteResult result() const { return result_; }

 private:
  const plan::Plan& plan_;
  StepRunner& runner_;
  Journal& journal_;
  Status& status_;
  ProgressTicker& ticker_;
  const std::atomic<bool>* cancel_;
  std::mutex mu_;
  ExecuteResult result_;
};

// Every step the scheduler did not see succeed is an error, also when the step recorded none:
// a step that threw something other than std::exception, or one that never started although
// nothing stopped the run (its dependencies never finished: a cycle). A run that did not do its
// whole plan never reports success.
void AddUnfinished(const plan::Plan& plan, const ScheduleResult& scheduled, ExecuteResult& result) {
  std::set<std::string> reported;
  for (const auto& e : result.errors) reported.insert(e.address);
  for (size_t i = 0; i < scheduled.states.size(); ++i) {
    const plan::Change& change = plan.changes[i];
    if (change.action == plan::Action::kNoOp || reported.count(change.address)) continue;
    if (scheduled.states[i] == NodeState::kFailed) {
      result.errors.push_back({change.address, "failed with an error that is not an exception"});
    } else if (scheduled.states[i] == NodeState::kNotStarted && !scheduled.stopped) {
      result.errors.push_back(
          {change.address, "never started: what it depends on never finished (a cycle?)"});
    }
  }
}

}  // namespace

ExecuteResult Execute(const plan::Plan& plan, StepRunner& runner, Journal& journal, Status& status,
                      const ExecuteOptions& options) {
  graph::Dag dag = ExecutionGraph(plan);
  ExecuteResult result;
  {
    ProgressTicker ticker(status, options.progress_interval);
    Forward forward(plan, runner, journal, status, ticker, options.cancel);
    ScheduleOptions schedule{options.parallelism, true, false};
    PhaseTimer timer(plan.mode == plan::Mode::kDestroy ? "destroy" : "apply");
    ScheduleResult scheduled = RunDag(dag, schedule, [&](size_t i) { return forward.Step(i); });
    result = forward.result();
    AddUnfinished(plan, scheduled, result);
  }
  if (result.errors.empty()) {
    result.outcome = Outcome::kSucceeded;
  } else if (options.cancel != nullptr && options.cancel->load()) {
    // Another run may hold the lock now and be writing: undoing would write over it.
    result.outcome = Outcome::kLockLost;
  } else if (!options.rollback) {
    result.outcome = Outcome::kPartial;
  } else {
    std::set<std::string> deleted;  // objects whose delete went through
    for (const auto& e : journal.All()) {
      if (e.op == "delete" && e.state == Effect::State::kApplied) deleted.insert(e.what);
    }
    RollbackResult undo;
    {
      PhaseTimer timer("rollback");
      undo = Rollback(plan, dag, runner, journal, status, options.parallelism);
    }
    for (const auto& e : journal.All()) {
      if (e.op == "delete" && e.state == Effect::State::kUndone && deleted.count(e.what)) {
        result.recreated.push_back(e.what);
      }
    }
    result.undone_steps = undo.undone_steps;
    result.undo_errors = undo.errors;
    result.outcome = undo.errors.empty() ? Outcome::kRolledBack : Outcome::kRollbackIncomplete;
  }
  status.Finished(plan.mode, result);
  return result;
}

}  // namespace meshform::apply
