// What the journal file says about the last apply or destroy of a topology from this folder:
// whether it finished, and what it left — writes that went through and were never undone
// because it was interrupted (killed, crashed, lost its machine) or because its rollback failed.
// apply, destroy and plan read it before anything else and say so; the run after that keeps the
// old journal as journal-<topology>.previous.json.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace meshform::apply {

struct PreviousRun {
  std::string path;
  std::string mode;     // "apply" or "destroy" ("" in journals that predate the header)
  std::string by;       // user@host pid N
  std::string started;  // UTC, ISO 8601
  std::optional<std::string> finished;  // the outcome (OutcomeName); absent: interrupted
  // Writes whose final state is applied (went through, not undone) or intended (sent or not:
  // the answer never came), and undos that failed, as "<what> (<op>)".
  std::vector<std::string> left_applied;
  std::vector<std::string> left_unknown;
  std::vector<std::string> undo_failed;
};

// Reads the journal at `path`; nothing when there is none. Unreadable lines are skipped (a
// crash can cut the last one short).
std::optional<PreviousRun> ReadPreviousRun(const std::string& path);

// A warning naming what the run left, or "" when it finished cleanly (succeeded or rolled back
// completely).
std::string DescribeUnfinished(const PreviousRun& run);

}  // namespace meshform::apply
