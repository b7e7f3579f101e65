// The terminal status prints one line per completed step, the progress line, the summary, and
// the rollback outcome; sensitive error messages lose their quoted values.
#include <gtest/gtest.h>

#include <sstream>

#include "engine/apply/executor.h"
#include "engine/cli/views/terminal_status.h"
#include "tests/unit/apply/fake_runner.h"

namespace meshform::apply {
namespace {

using cli::TerminalStatus;

ExecuteOptions Options(int parallelism, bool rollback) {
  ExecuteOptions o;
  o.parallelism = parallelism;
  o.rollback = rollback;
  return o;
}

TEST(TerminalStatus, PrintsStepsProgressAndSummary) {
  std::ostringstream out;
  TerminalStatus status(out);
  auto change = testing::MakeChange("beijing/v1/Namespace/istio-system", plan::Action::kCreate);
  status.StepFinished(change, Seconds(0.12));
  status.StillRunning("shanghai/apps/v1/Deployment/istio-system/istiod", std::chrono::seconds(30));
  ExecuteResult r;
  r.added = 23;
  status.Finished(plan::Mode::kApply, r);
  EXPECT_EQ(out.str(),
            "beijing/v1/Namespace/istio-system: Creation complete after 0.1s\n"
            "Still waiting for shanghai/apps/v1/Deployment/istio-system/istiod [30s elapsed]\n"
            "\nApply complete! Resources: 23 added, 0 changed, 0 destroyed.\n");
}

TEST(TerminalStatus, SaysWhetherTheRollbackWasComplete) {
  std::ostringstream out;
  TerminalStatus status(out);
  ExecuteResult r;
  r.outcome = Outcome::kRollbackIncomplete;
  r.undone_steps = 4;
  r.undo_errors = {{"beijing/v1/Namespace/sample", "timed out"}};
  status.Finished(plan::Mode::kApply, r);
  EXPECT_NE(out.str().find("rollback INCOMPLETE: 1 step(s) could not be undone (4 were)"),
            std::string::npos);
  EXPECT_NE(out.str().find("beijing/v1/Namespace/sample"), std::string::npos);
  std::ostringstream out2;
  TerminalStatus status2(out2);
  r.outcome = Outcome::kRolledBack;
  status2.Finished(plan::Mode::kDestroy, r);
  EXPECT_NE(out2.str().find("Destroy failed; rolled back"), std::string::npos);
}

TEST(TerminalStatus, ScrubsQuotedValuesOfSensitiveSteps) {
  std::ostringstream out;
  TerminalStatus status(out);
  auto change =
      testing::MakeChange("beijing/v1/Secret/istio-system/cacerts", plan::Action::kCreate);
  change.resource.sensitive = true;
  status.StepFailed(change, "data[ca-key.pem]: Invalid value: \"-----BEGIN PRIVATE KEY-----\"");
  EXPECT_EQ(out.str().find("BEGIN PRIVATE KEY"), std::string::npos);
  EXPECT_NE(out.str().find("Invalid value: (sensitive)"), std::string::npos);
}

TEST(TerminalStatus, ExecutorReportsTheRunThroughIt) {
  plan::Plan p;
  p.changes = {testing::MakeChange("a", plan::Action::kCreate),
               testing::MakeChange("b", plan::Action::kCreate, {"a"})};
  testing::FakeRunner runner;
  runner.fail = {"b"};
  Journal journal;
  std::ostringstream out;
  TerminalStatus status(out);
  Execute(p, runner, journal, status, Options(2, true));
  std::string text = out.str();
  EXPECT_NE(text.find("a: Creation complete after"), std::string::npos);
  EXPECT_NE(text.find("Error: b: failed: b"), std::string::npos);
  EXPECT_NE(text.find("Rolling back: undoing 2 step(s)"), std::string::npos);
  EXPECT_NE(text.find("Apply failed; rolled back: all 2 step(s)"), std::string::npos);
  EXPECT_NE(text.find("The clusters are as before.\n"), std::string::npos);
}

TEST(TerminalStatus, ARollbackThatCreatedObjectsAgainDoesNotClaimAllIsAsBefore) {
  plan::Plan p;
  p.changes = {testing::MakeChange("old", plan::Action::kDelete),
               testing::MakeChange("b", plan::Action::kCreate, {"old"})};
  testing::FakeRunner runner;
  runner.state = {{"old", "v1"}};
  runner.fail = {"b"};
  Journal journal;
  std::ostringstream out;
  TerminalStatus status(out);
  Execute(p, runner, journal, status, Options(1, true));
  std::string text = out.str();
  EXPECT_EQ(text.find("The clusters are as before.\n"), std::string::npos) << text;
  EXPECT_NE(text.find("except that 1 object(s) this run had deleted were created again"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\n  old\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace meshform::apply
