// The text and JSON views of a run (see run_view.h).
#include "engine/cli/views/run_view.h"

#include <iostream>

#include "engine/cli/views/apply_events.h"
#include "engine/cli/views/plan_text.h"
#include "engine/cli/views/terminal_status.h"

namespace meshform::cli {

namespace {

class TextRunView : public RunView {
 public:
  void ShowPlan(const plan::Plan& plan, bool saved) override {
    if (!saved) {
      std::cout << RenderPlanText(plan, {ColorWanted(), false});
    } else if (!plan.HasChanges()) {
      std::cout << SummaryLine(plan) << "\n";
    }
  }
  apply::Status& status() override { return status_; }
  void RunDone() override { std::cout << TimingsLine() << "\n"; }
  void Ended(int) override {}

 private:
  TerminalStatus status_{std::cout};
};

class JsonRunView : public RunView {
 public:
  explicit JsonRunView(const std::string& command) : events_(std::cout, command, &std::cerr) {
    events_.Version();
  }
  void ShowPlan(const plan::Plan& plan, bool) override { events_.Planned(plan); }
  apply::Status& status() override { return events_; }
  void RunDone() override {}
  void Ended(int exit_code) override { events_.Ended(exit_code); }

 private:
  ApplyEvents events_;
};

}  // namespace

std::unique_ptr<RunView> MakeRunView(bool json, const std::string& command) {
  if (json) return std::make_unique<JsonRunView>(command);
  return std::make_unique<TextRunView>();
}

}  // namespace meshform::cli
