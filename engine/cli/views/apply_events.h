// The -json view of apply and destroy: a JSON Lines event stream on stdout, one event a line,
// as Terraform's machine-readable UI (`terraform apply -json`) does it. The contract is
// schemas/apply-events.schema.json:
//   version                      first: {"type":"version","ui":"1.0","meshform":"…","command":…}
//   planned_change               one per step of the plan (objects and values)
//   change_summary               the plan's counts ("operation":"plan")
//   apply_start, apply_progress  per step; progress while it keeps running (what it waits for)
//   apply_complete|apply_errored per step that started
//   rollback_start, rollback_complete|rollback_errored   per step rollback undoes
//   change_summary               last: outcome, exit code ("operation":"apply"|"destroy")
// Every event has @timestamp (RFC 3339 in UTC with microseconds, state::FormatMicroTime), @level
// (info, warn, error) and @message; step events name the step (address, cluster, action; for
// objects apiVersion, kind, namespace, name; for values value_type). Errors also go to `errors`
// (stderr) as text: a failed step, a failed undo, how a failed run ended; and the plan's warnings
// go there only. Steps report from several
// threads: each line is built whole, stamped and written with one write under a mutex, then
// flushed. No event holds Secret data: errors of sensitive steps lose their quoted values (as on
// the terminal), undo errors always do, and every event goes through util::Redacted before it is
// written.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "engine/apply/status.h"

namespace meshform::cli {

class ApplyEvents : public apply::Status {
 public:
  using Now = std::function<std::chrono::system_clock::time_point()>;
  // `command`: "apply" or "destroy" (the subcommand; a saved destroy plan makes apply's
  // operation "destroy").
  // `errors` (stderr), when given, gets the errors as text too.
  ApplyEvents(
      std::ostream& out, const std::string& command, std::ostream* errors = nullptr,
      Now now = [] { return std::chrono::system_clock::now(); });

  void Version();
  // planned_change for every step that does something, then the plan's change_summary.
  void Planned(const plan::Plan& plan);
  // The last event: change_summary with the run's outcome (or "no-changes", or "failed" when
  // the command ended before running the plan; the errors are on stderr) and `exit_code`.
  void Ended(int exit_code);

  void StepStarted(const plan::Change& change) override;
  void StepFinished(const plan::Change& change, apply::Seconds elapsed) override;
  void StepFailed(const plan::Change& change, const std::string& message) override;
  void StillRunning(const std::string& address, std::chrono::seconds elapsed) override;
  void RollbackStarted(int) override {}
  void UndoStarted(const std::string& address) override;
  void UndoFinished(const std::string& address, bool ok, const std::string& message) override;
  void Finished(plan::Mode mode, const apply::ExecuteResult& result) override;

 private:
  struct Step {
    nlohmann::json fields;    // address, cluster, action, what the step writes
    std::string waiting_for;  // what apply_progress says it waits for
  };
  Step StepOf(const std::string& address);
  // Adds type, @level, @message and @timestamp to `event` and writes it as one line.
  void Emit(const std::string& type, const char* level, const std::string& message,
            nlohmann::json event);
  // "<prefix><text>" on errors_, when there is one.
  void Err(const std::string& text, const char* prefix = "Error: ");

  std::ostream& out_;
  std::ostream* errors_;
  std::string command_;
  Now now_;
  std::mutex mu_;  // guards the members below and every write to out_ and errors_
  std::string operation_;
  std::string plan_summary_;
  std::map<std::string, Step> steps_;  // by address, recorded when they start
  std::optional<apply::ExecuteResult> result_;
};

// The fields that name a step in every event about it (see above).
nlohmann::json StepFields(const plan::Change& change);

// What a step that keeps running waits for: its kind's readiness rule ("Deployment
// available"), "the object to be gone" for a delete, "value <type>" for a value.
std::string WaitingFor(const plan::Change& change);

}  // namespace meshform::cli
