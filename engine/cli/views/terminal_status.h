// The Status of the command line: one line per completed step
// ("beijing/v1/Namespace/istio-system: Creation complete after 0.1s"), "Still waiting for ..."
// every 10 s for a step that keeps running, errors, the rollback's progress, and the summary
// ("Apply complete! Resources: 23 added, 0 changed, 0 destroyed."). Error messages of sensitive
// steps are scrubbed of quoted values.
#pragma once

#include <mutex>
#include <ostream>

#include "engine/apply/status.h"

namespace meshform::cli {

class TerminalStatus : public apply::Status {
 public:
  explicit TerminalStatus(std::ostream& out) : out_(out) {}

  void StepStarted(const plan::Change& change) override;
  void StepFinished(const plan::Change& change, apply::Seconds elapsed) override;
  void StepFailed(const plan::Change& change, const std::string& message) override;
  void StillRunning(const std::string& address, std::chrono::seconds elapsed) override;
  void RollbackStarted(int steps) override;
  void UndoStarted(const std::string&) override {}
  void UndoFinished(const std::string& address, bool ok, const std::string& message) override;
  void Finished(plan::Mode mode, const apply::ExecuteResult& result) override;

 private:
  std::mutex mu_;
  std::ostream& out_;
};

// "Creation", "Modifications", "Replacement", "Destruction" for a completed step.
std::string CompletionWord(plan::Action action);
// The summary line of a successful run.
std::string SummaryLine(plan::Mode mode, const apply::ExecuteResult& result);
// What a run ended with, one or more lines: the summary line, or what failed and what the
// rollback did (the objects it could not undo, those it created again).
std::string FinishedText(plan::Mode mode, const apply::ExecuteResult& result);
// A step's error as it may be shown: sensitive steps' quoted values scrubbed.
std::string StepErrorText(const plan::Change& change, const std::string& message);
// "Timings: load topology 3 ms, compile 41 ms, ..., apply 12.3 s, readiness waits ...": every
// phase this process timed (util/phase_timer.h), printed at the end of apply and destroy.
std::string TimingsLine();

}  // namespace meshform::cli
