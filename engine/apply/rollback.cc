// Rollback (see rollback.h).
#include "engine/apply/rollback.h"

#include <atomic>
#include <mutex>

#include "engine/apply/scheduler.h"

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

}  // namespace

RollbackResult Rollback(const plan::Plan& plan, const graph::Dag& dag, StepRunner& runner,
                        Journal& journal, Status& status, int parallelism) {
  int steps = 0;
  for (const auto& change : plan.changes) {
    if (!journal.EffectsOf(change.address).empty()) ++steps;
  }
  status.RollbackStarted(steps);
  RollbackResult result;
  std::mutex mu;
  std::atomic<int> undone{0};
  ScheduleOptions options{parallelism, false, true};
  RunDag(dag.Reversed(), options, [&](size_t i) {
    const auto& address = plan.changes[i].address;
    if (journal.EffectsOf(address).empty()) return true;
    status.UndoStarted(address);
    std::string error = UndoStep(address, runner, journal);
    status.UndoFinished(address, error.empty(), error);
    if (!error.empty()) {
      std::lock_guard<std::mutex> lock(mu);
      result.errors.push_back({address, error});
      return false;
    }
    ++undone;
    return true;
  });
  result.undone_steps = undone.load();
  return result;
}

}  // namespace meshform::apply
