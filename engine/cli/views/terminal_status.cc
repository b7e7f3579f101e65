// The command line's Status (see terminal_status.h).
#include "engine/cli/views/terminal_status.h"

#include <cstdio>
#include <sstream>

#include "engine/util/phase_timer.h"
#include "engine/util/redact.h"

namespace meshform::cli {

using apply::ExecuteResult;
using apply::Outcome;
using apply::Seconds;

std::string CompletionWord(plan::Action action) {
  switch (action) {
    case plan::Action::kCreate:
      return "Creation";
    case plan::Action::kUpdate:
      return "Modifications";
    case plan::Action::kReplace:
      return "Replacement";
    case plan::Action::kDelete:
      return "Destruction";
    case plan::Action::kNoOp:
      break;
  }
  return "Step";
}

std::string SummaryLine(plan::Mode mode, const ExecuteResult& r) {
  if (mode == plan::Mode::kDestroy) {
    return "Destroy complete! Resources: " + std::to_string(r.destroyed) + " destroyed.";
  }
  return "Apply complete! Resources: " + std::to_string(r.added) + " added, " +
         std::to_string(r.changed) + " changed, " + std::to_string(r.destroyed) + " destroyed.";
}

std::string TimingsLine() { return "Timings: " + PhaseLog::Summary() + "."; }

void TerminalStatus::StepStarted(const plan::Change&) {}

void TerminalStatus::StepFinished(const plan::Change& change, Seconds elapsed) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1fs", elapsed.count());
  std::lock_guard<std::mutex> lock(mu_);
  out_ << change.address << ": " << CompletionWord(change.action) << " complete after " << seconds
       << "\n"
       << std::flush;
}

std::string StepErrorText(const plan::Change& change, const std::string& message) {
  return change.resource.sensitive ? util::ScrubQuoted(message) : message;
}

void TerminalStatus::StepFailed(const plan::Change& change, const std::string& message) {
  std::lock_guard<std::mutex> lock(mu_);
  out_ << "Error: " << change.address << ": " << StepErrorText(change, message) << "\n"
       << std::flush;
}

void TerminalStatus::StillRunning(const std::string& address, std::chrono::seconds elapsed) {
  std::lock_guard<std::mutex> lock(mu_);
  out_ << "Still waiting for " << address << " [" << elapsed.count() << "s elapsed]\n"
       << std::flush;
}

void TerminalStatus::RollbackStarted(int steps) {
  std::lock_guard<std::mutex> lock(mu_);
  out_ << "\nRolling back: undoing " << steps << " step(s) that made changes...\n" << std::flush;
}

void TerminalStatus::UndoFinished(const std::string& address, bool ok, const std::string& message) {
  std::lock_guard<std::mutex> lock(mu_);
  if (ok) {
    out_ << address << ": Rolled back\n";
  } else {
    out_ << "Error: rolling back " << address << ": " << util::ScrubQuoted(message) << "\n";
  }
  out_ << std::flush;
}

std::string FinishedText(plan::Mode mode, const ExecuteResult& r) {
  std::string verb = mode == plan::Mode::kDestroy ? "Destroy" : "Apply";
  std::ostringstream out;
  switch (r.outcome) {
    case Outcome::kSucceeded:
      out << SummaryLine(mode, r) << "\n";
      break;
    case Outcome::kRolledBack:
      out << verb << " failed; rolled back: all " << r.undone_steps
          << " step(s) that made changes were undone.";
      if (r.recreated.empty()) {
        out << " The clusters are as before.\n";
        break;
      }
      out << " The clusters are as before, except that " << r.recreated.size()
          << " object(s) this run had deleted were created again: same content, new uid (a "
             "LoadBalancer Service "
             "may have a new address, a token Secret a new token):\n";
      for (const auto& what : r.recreated) out << "  " << what << "\n";
      break;
    case Outcome::kRollbackIncomplete:
      out << verb << " failed; rollback INCOMPLETE: " << r.undo_errors.size()
          << " step(s) could not be undone (" << r.undone_steps << " were):\n";
      for (const auto& e : r.undo_errors) out << "  " << e.address << "\n";
      break;
    case Outcome::kLockLost:
      out << verb << " stopped: the lock was lost, so no further write started and nothing was "
          << "rolled back (another run may hold the lock now). " << r.completed_steps
          << " step(s) had completed. Run 'meshform plan' to see the clusters as they are.\n";
      break;
    case Outcome::kPartial:
      out << verb << " failed; --no-rollback: the " << r.completed_steps
          << " completed step(s) were left in place (partial state).\n";
      break;
  }
  return out.str();
}

void TerminalStatus::Finished(plan::Mode mode, const ExecuteResult& r) {
  std::lock_guard<std::mutex> lock(mu_);
  out_ << "\n" << FinishedText(mode, r) << std::flush;
}

}  // namespace meshform::cli
