// Reading the previous run's journal (see previous_run.h).
#include "engine/apply/previous_run.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

namespace meshform::apply {

namespace {

using nlohmann::json;

std::string List(const std::vector<std::string>& items) {
  constexpr size_t kShown = 10;
  std::string text;
  for (size_t i = 0; i < items.size() && i < kShown; ++i) text += "\n    " + items[i];
  if (items.size() > kShown) {
    text += "\n    ... and " + std::to_string(items.size() - kShown) + " more";
  }
  return text;
}

}  // namespace

std::optional<PreviousRun> ReadPreviousRun(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  PreviousRun run;
  run.path = path;
  std::map<int64_t, json> last;  // each effect's last record
  std::string line;
  while (std::getline(in, line)) {
    json record = json::parse(line, nullptr, false);
    if (!record.is_object()) continue;
    if (record.contains("run") && record["run"].is_object()) {
      run.mode = record["run"].value("mode", "");
      run.by = record["run"].value("by", "");
      run.started = record["run"].value("started", "");
    } else if (record.contains("finished") && record["finished"].is_string()) {
      run.finished = record["finished"].get<std::string>();
    } else if (record.contains("id") && record["id"].is_number_integer()) {
      int64_t id = record["id"].get<int64_t>();
      last[id] = std::move(record);
    }
  }
  for (const auto& [id, r] : last) {
    std::string what = r.value("what", "?") + " (" + r.value("op", "?") + ")";
    std::string state = r.value("state", "");
    if (state == "applied") run.left_applied.push_back(what);
    if (state == "intended") run.left_unknown.push_back(what);
    if (state == "undo-failed") run.undo_failed.push_back(what);
  }
  return run;
}

std::string DescribeUnfinished(const PreviousRun& run) {
  bool interrupted = !run.finished;
  if (!interrupted && run.undo_failed.empty() && *run.finished != "partial (no rollback)") {
    return "";
  }
  std::string who = run.mode.empty() ? "run" : run.mode;
  if (!run.by.empty()) who += " by " + run.by;
  if (!run.started.empty()) who += " started " + run.started;
  std::string text = "the previous " + who + " ";
  text += interrupted ? "did not finish (killed or crashed): it left"
                      : "ended \"" + *run.finished + "\": it left";
  text += " " + std::to_string(run.left_applied.size()) + " write(s) in place";
  text += List(run.left_applied);
  if (!run.left_unknown.empty()) {
    text += "\n  and " + std::to_string(run.left_unknown.size()) +
            " write(s) whose outcome it never learned" + List(run.left_unknown);
  }
  if (!run.undo_failed.empty()) {
    text += "\n  and " + std::to_string(run.undo_failed.size()) +
            " write(s) its rollback could not undo" + List(run.undo_failed);
  }
  text += "\n  (its journal: " + run.path + ")";
  return text;
}

}  // namespace meshform::apply
