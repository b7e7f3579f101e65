// Fault injection for proving rollback: a StepRunner that wraps another and makes the k-th
// step to start (1-based, in start order; or the step with a given address) fail, after the
// wrapped runner has done its writes (so the failing step's own effects are undone too) or
// before it does anything.
#pragma once

#include <atomic>
#include <string>

#include "engine/apply/step_runner.h"

namespace meshform::testing {

using apply::Effect;
using apply::Journal;
using apply::StepRunner;

class FaultInjectingRunner : public StepRunner {
 public:
  enum class When { kBeforeWrites, kAfterWrites };

  FaultInjectingRunner(StepRunner& inner, int fail_at_step, When when = When::kAfterWrites);
  FaultInjectingRunner(StepRunner& inner, std::string fail_address, When when = When::kAfterWrites);

  void Run(const plan::Change& change, Journal& journal) override;
  void Undo(const Effect& effect) override { inner_.Undo(effect); }

  int started() const { return started_.load(); }

 private:
  StepRunner& inner_;
  int fail_at_step_ = 0;
  std::string fail_address_;
  When when_;
  std::atomic<int> started_{0};
};

}  // namespace meshform::testing
