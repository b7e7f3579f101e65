// How apply and destroy show a run: as text for people (the plan's text, terminal_status.h's
// progress, the timings) or, with -json, as the event stream of apply_events.h on stdout (then
// no text goes to stdout; errors and warnings go to stderr, the run's errors as well as into
// the stream).
#pragma once

#include <memory>
#include <string>

#include "engine/apply/status.h"
#include "engine/plan/plan.h"

namespace meshform::cli {

class RunView {
 public:
  virtual ~RunView() = default;
  // The plan about to be run. `saved`: read from a plan file, whose text was shown when it was
  // made (the text view then shows only a "No changes." line).
  virtual void ShowPlan(const plan::Plan& plan, bool saved) = 0;
  // Where the executor reports the run.
  virtual apply::Status& status() = 0;
  // After the run (not called when nothing ran).
  virtual void RunDone() = 0;
  // Last, on every path once the view exists, with the command's exit code.
  virtual void Ended(int exit_code) = 0;
};

// `command`: "apply" or "destroy". The JSON view writes its version event at once.
std::unique_ptr<RunView> MakeRunView(bool json, const std::string& command);

}  // namespace meshform::cli
