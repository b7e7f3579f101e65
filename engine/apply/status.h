// Progress of an apply or destroy, as hooks (like Ninja's Status or OpenTofu's UI hooks): the
// executor reports, an implementation shows (terminal_status.h) or records (tests). Called from
// many threads; implementations synchronize. Nothing passed here holds Secret data.
#pragma once

#include <chrono>
#include <string>

#include "engine/apply/result.h"
#include "engine/plan/plan.h"

namespace meshform::apply {

using Seconds = std::chrono::duration<double>;

class Status {
 public:
  virtual ~Status() = default;
  virtual void StepStarted(const plan::Change& change) = 0;
  virtual void StepFinished(const plan::Change& change, Seconds elapsed) = 0;
  virtual void StepFailed(const plan::Change& change, const std::string& message) = 0;
  // A step has been running (mostly waiting for readiness) for `elapsed`; every 10 s.
  virtual void StillRunning(const std::string& address, std::chrono::seconds elapsed) = 0;
  virtual void RollbackStarted(int steps) = 0;
  // Rollback starts undoing the step at `address` (one that made changes); UndoFinished follows.
  virtual void UndoStarted(const std::string& address) = 0;
  virtual void UndoFinished(const std::string& address, bool ok, const std::string& message) = 0;
  virtual void Finished(plan::Mode mode, const ExecuteResult& result) = 0;
};

// Reports nothing.
class NullStatus : public Status {
 public:
  void StepStarted(const plan::Change&) override {}
  void StepFinished(const plan::Change&, Seconds) override {}
  void StepFailed(const plan::Change&, const std::string&) override {}
  void StillRunning(const std::string&, std::chrono::seconds) override {}
  void RollbackStarted(int) override {}
  void UndoStarted(const std::string&) override {}
  void UndoFinished(const std::string&, bool, const std::string&) override {}
  void Finished(plan::Mode, const ExecuteResult&) override {}
};

}  // namespace meshform::apply
