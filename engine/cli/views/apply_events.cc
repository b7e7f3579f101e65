// The -json event stream of apply and destroy (see apply_events.h).
#include "engine/cli/views/apply_events.h"

#include <cstdio>

#include "engine/cli/views/plan_text.h"
#include "engine/cli/views/terminal_status.h"
#include "engine/readiness/rules.h"
#include "engine/state/lease_record.h"
#include "engine/util/redact.h"

namespace meshform::cli {

namespace {

using json = nlohmann::json;
using plan::Action;

constexpr const char* kInfo = "info";
constexpr const char* kError = "error";

std::string StartWord(Action action) {
  switch (action) {
    case Action::kCreate:
      return "Creating...";
    case Action::kUpdate:
      return "Modifying...";
    case Action::kReplace:
      return "Replacing...";
    case Action::kDelete:
      return "Destroying...";
    case Action::kNoOp:
      break;
  }
  return "Starting...";
}

// Terraform's change counts: a replacement adds one and removes one.
json Changes(int add, int change, int remove, const std::string& operation) {
  return {{"add", add}, {"change", change}, {"remove", remove}, {"operation", operation}};
}

// The outcome as the schema names it.
const char* OutcomeId(apply::Outcome outcome) {
  switch (outcome) {
    case apply::Outcome::kSucceeded:
      return "succeeded";
    case apply::Outcome::kRolledBack:
      return "rolled-back";
    case apply::Outcome::kRollbackIncomplete:
      return "rollback-incomplete";
    case apply::Outcome::kPartial:
      return "partial";
    case apply::Outcome::kLockLost:
      return "lock-lost";
  }
  return "failed";
}

std::string WithoutTrailingNewline(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace

json StepFields(const plan::Change& change) {
  json f = {{"address", change.address},
            {"cluster", change.cluster},
            {"action", plan::ActionName(change.action)}};
  const auto& r = change.resource;
  if (r.is_object()) {
    f["resource"] = "object";
    f["apiVersion"] = r.api_version();
    f["kind"] = r.object_kind();
    f["namespace"] = r.object_namespace();
    f["name"] = r.object_name();
  } else {
    f["resource"] = "value";
    f["value_type"] = r.value.type;
  }
  return f;
}

std::string WaitingFor(const plan::Change& change) {
  if (change.resource.is_value()) return "value " + change.resource.value.type;
  if (change.action == Action::kDelete) return "the object to be gone";
  return readiness::RuleFor(change.resource.object).name;
}

ApplyEvents::ApplyEvents(std::ostream& out, const std::string& command, std::ostream* errors,
                         Now now)
    : out_(out), errors_(errors), command_(command), now_(std::move(now)), operation_(command) {}

void ApplyEvents::Emit(const std::string& type, const char* level, const std::string& message,
                       json event) {
  event["type"] = type;
  event["@level"] = level;
  event["@message"] = message;
  std::lock_guard<std::mutex> lock(mu_);  // stamped under the lock: the lines are in time order
  event["@timestamp"] = state::FormatMicroTime(now_());
  // Invalid UTF-8 (from a server's message) is replaced, never thrown over.
  std::string line = util::Redacted(event).dump(-1, ' ', false, json::error_handler_t::replace);
  line += '\n';
  out_.write(line.data(), static_cast<std::streamsize>(line.size()));
  out_.flush();
}

void ApplyEvents::Err(const std::string& text, const char* prefix) {
  if (errors_ == nullptr) return;
  std::string line = prefix + text + "\n";
  std::lock_guard<std::mutex> lock(mu_);
  errors_->write(line.data(), static_cast<std::streamsize>(line.size()));
  errors_->flush();
}

void ApplyEvents::Version() {
  Emit("version", kInfo, std::string("meshform ") + MESHFORM_VERSION + ": " + command_,
       {{"ui", "1.0"}, {"meshform", MESHFORM_VERSION}, {"command", command_}});
}

void ApplyEvents::Planned(const plan::Plan& plan) {
  std::string operation = plan.mode == plan::Mode::kDestroy ? "destroy" : "apply";
  std::string summary = SummaryLine(plan);
  {
    std::lock_guard<std::mutex> lock(mu_);
    operation_ = operation;
    plan_summary_ = summary;
  }
  for (const auto& w : plan.warnings) Err(w, "Warning: ");
  for (const auto& c : plan.changes) {
    if (c.action == Action::kNoOp) continue;
    json event = StepFields(c);
    if (!c.reason.empty()) event["reason"] = c.reason;
    Emit("planned_change", kInfo,
         c.address + ": Plan to " + plan::ActionName(c.action) +
             (c.reason.empty() ? "" : " (" + c.reason + ")"),
         event);
  }
  int add = plan.Count(Action::kCreate) + plan.Count(Action::kReplace);
  int remove = plan.Count(Action::kDelete) + plan.Count(Action::kReplace);
  Emit("change_summary", kInfo, summary,
       {{"changes", Changes(add, plan.Count(Action::kUpdate), remove, "plan")}});
}

ApplyEvents::Step ApplyEvents::StepOf(const std::string& address) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = steps_.find(address);
  if (it != steps_.end()) return it->second;
  // Not started by the executor (cannot happen): the address is all there is.
  return {{{"address", address}, {"cluster", ""}, {"action", "no-op"}, {"resource", "object"}},
          "the step"};
}

void ApplyEvents::StepStarted(const plan::Change& change) {
  Step step{StepFields(change), WaitingFor(change)};
  {
    std::lock_guard<std::mutex> lock(mu_);
    steps_[change.address] = step;
  }
  Emit("apply_start", kInfo, change.address + ": " + StartWord(change.action), step.fields);
}

void ApplyEvents::StepFinished(const plan::Change& change, apply::Seconds elapsed) {
  json event = StepFields(change);
  event["elapsed_seconds"] = elapsed.count();
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1fs", elapsed.count());
  Emit("apply_complete", kInfo,
       change.address + ": " + CompletionWord(change.action) + " complete after " + seconds, event);
}

void ApplyEvents::StepFailed(const plan::Change& change, const std::string& message) {
  json event = StepFields(change);
  event["error"] = StepErrorText(change, message);
  std::string text = change.address + ": " + event["error"].get<std::string>();
  Err(text);
  Emit("apply_errored", kError, text, event);
}

void ApplyEvents::StillRunning(const std::string& address, std::chrono::seconds elapsed) {
  Step step = StepOf(address);
  step.fields["elapsed_seconds"] = elapsed.count();
  step.fields["waiting_for"] = step.waiting_for;
  Emit("apply_progress", kInfo,
       address + ": Still waiting for " + step.waiting_for + " [" +
           std::to_string(elapsed.count()) + "s elapsed]",
       step.fields);
}

void ApplyEvents::UndoStarted(const std::string& address) {
  Emit("rollback_start", kInfo, address + ": Rolling back...", StepOf(address).fields);
}

void ApplyEvents::UndoFinished(const std::string& address, bool ok, const std::string& message) {
  json event = StepOf(address).fields;
  if (ok) {
    Emit("rollback_complete", kInfo, address + ": Rolled back", event);
    return;
  }
  event["error"] = util::ScrubQuoted(message);
  Err("rolling back " + address + ": " + event["error"].get<std::string>());
  Emit("rollback_errored", kError,
       address + ": Rollback failed: " + event["error"].get<std::string>(), event);
}

void ApplyEvents::Finished(plan::Mode mode, const apply::ExecuteResult& result) {
  std::lock_guard<std::mutex> lock(mu_);
  operation_ = mode == plan::Mode::kDestroy ? "destroy" : "apply";
  result_ = result;
}

void ApplyEvents::Ended(int exit_code) {
  std::string operation, plan_summary;
  std::optional<apply::ExecuteResult> result;
  {
    std::lock_guard<std::mutex> lock(mu_);
    operation = operation_;
    plan_summary = plan_summary_;
    result = result_;
  }
  json event = {{"exit_code", exit_code}};
  std::string message;
  if (result) {
    event["outcome"] = OutcomeId(result->outcome);
    event["changes"] = Changes(result->added, result->changed, result->destroyed, operation);
    event["completed_steps"] = result->completed_steps;
    event["undone_steps"] = result->undone_steps;
    event["recreated"] = result->recreated;
    message = WithoutTrailingNewline(
        FinishedText(operation == "destroy" ? plan::Mode::kDestroy : plan::Mode::kApply, *result));
  } else {
    event["outcome"] = exit_code == 0 ? "no-changes" : "failed";
    event["changes"] = Changes(0, 0, 0, operation);
    event["completed_steps"] = 0;
    event["undone_steps"] = 0;
    event["recreated"] = json::array();
    std::string verb = operation == "destroy" ? "Destroy" : "Apply";
    message = exit_code == 0 && !plan_summary.empty()
                  ? plan_summary
                  : verb + " failed before changing anything (exit " + std::to_string(exit_code) +
                        "); the errors are on stderr.";
  }
  if (result && exit_code != apply::ExitCode(result->outcome)) {
    message += " The run then failed (exit " + std::to_string(exit_code) + "); see stderr.";
  }
  if (result && exit_code != 0) Err(message);
  Emit("change_summary", exit_code == 0 ? kInfo : kError, message, event);
}

}  // namespace meshform::cli
