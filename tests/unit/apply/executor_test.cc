// The executor: applies in dependency order, counts the summary, and on a failure undoes every
// completed step in reverse dependency order (or leaves them with --no-rollback), saying which
// in the outcome and exit code.
#include "engine/apply/executor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>

#include "engine/util/error.h"
#include "tests/unit/apply/fake_runner.h"

namespace meshform::apply {
namespace {

ExecuteOptions Options(int parallelism, bool rollback) {
  ExecuteOptions o;
  o.parallelism = parallelism;
  o.rollback = rollback;
  return o;
}

using plan::Action;
using testing::FakeRunner;
using testing::MakeChange;

// ns <- cm <- dep ; ns <- sa ; old (to update) ; gone (to delete)
plan::Plan SamplePlan() {
  plan::Plan p;
  p.changes = {
      MakeChange("ns", Action::kCreate),          MakeChange("cm", Action::kCreate, {"ns"}),
      MakeChange("dep", Action::kCreate, {"cm"}), MakeChange("sa", Action::kCreate, {"ns"}),
      MakeChange("old", Action::kUpdate),         MakeChange("gone", Action::kDelete),
      MakeChange("same", Action::kNoOp)};
  return p;
}

void SampleCluster(FakeRunner& r) { r.state = {{"old", "v1"}, {"gone", "v1"}, {"same", "v1"}}; }

size_t Pos(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) - v.begin();
}

TEST(Executor, AppliesEverythingAndCounts) {
  auto plan = SamplePlan();
  FakeRunner runner;
  SampleCluster(runner);
  Journal journal;
  NullStatus status;
  auto result = Execute(plan, runner, journal, status, Options(4, true));
  EXPECT_EQ(result.outcome, Outcome::kSucceeded);
  EXPECT_EQ(ExitCode(result.outcome), 0);
  EXPECT_EQ(result.added, 4);
  EXPECT_EQ(result.changed, 1);
  EXPECT_EQ(result.destroyed, 1);
  EXPECT_EQ(runner.ran.size(), 6u);  // the no-op does not run
  EXPECT_LT(Pos(runner.ran, "ns"), Pos(runner.ran, "cm"));
  EXPECT_LT(Pos(runner.ran, "cm"), Pos(runner.ran, "dep"));
  EXPECT_EQ(runner.state.count("gone"), 0u);
}

TEST(Executor, FailureRollsBackEveryCompletedStepInReverseOrder) {
  auto plan = SamplePlan();
  FakeRunner runner;
  SampleCluster(runner);
  auto before = runner.state;
  runner.fail = {"dep"};
  Journal journal;
  NullStatus status;
  auto result = Execute(plan, runner, journal, status, Options(1, true));
  EXPECT_EQ(result.outcome, Outcome::kRolledBack);
  EXPECT_EQ(ExitCode(result.outcome), 1);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].address, "dep");
  EXPECT_EQ(runner.state, before);  // the "cluster" is exactly as before
  // Every step that wrote was undone, the failed one included, dependents first.
  EXPECT_EQ(static_cast<size_t>(result.undone_steps), runner.ran.size());
  EXPECT_LT(Pos(runner.undone, "dep"), Pos(runner.undone, "cm"));
  EXPECT_LT(Pos(runner.undone, "cm"), Pos(runner.undone, "ns"));
  if (Pos(runner.undone, "sa") < runner.undone.size()) {
    EXPECT_LT(Pos(runner.undone, "sa"), Pos(runner.undone, "ns"));
  }
  for (const auto& e : journal.All()) EXPECT_EQ(e.state, Effect::State::kUndone);
}

TEST(Executor, RollbackAtEveryStepRestoresTheCluster) {
  auto plan = SamplePlan();
  for (const auto& change : plan.changes) {
    if (change.action == Action::kNoOp) continue;
    FakeRunner runner;
    SampleCluster(runner);
    auto before = runner.state;
    runner.fail = {change.address};
    Journal journal;
    NullStatus status;
    auto result = Execute(plan, runner, journal, status, Options(3, true));
    EXPECT_EQ(result.outcome, Outcome::kRolledBack) << change.address;
    EXPECT_EQ(runner.state, before) << "failing at " << change.address;
  }
}

TEST(Executor, NoRollbackLeavesThePartialState) {
  auto plan = SamplePlan();
  FakeRunner runner;
  SampleCluster(runner);
  runner.fail = {"cm"};
  Journal journal;
  NullStatus status;
  auto result = Execute(plan, runner, journal, status, Options(1, false));
  EXPECT_EQ(result.outcome, Outcome::kPartial);
  EXPECT_EQ(ExitCode(result.outcome), 4);
  EXPECT_TRUE(runner.undone.empty());
  EXPECT_EQ(runner.state.count("ns"), 1u);
  EXPECT_EQ(runner.state.count("dep"), 0u);  // never started: depends on the failure
}

TEST(Executor, FailedUndoMakesTheRollbackIncompleteButTheRestIsUndone) {
  auto plan = SamplePlan();
  FakeRunner runner;
  SampleCluster(runner);
  runner.fail = {"dep"};
  runner.fail_undo = {"cm"};
  Journal journal;
  NullStatus status;
  auto result = Execute(plan, runner, journal, status, Options(1, true));
  EXPECT_EQ(result.outcome, Outcome::kRollbackIncomplete);
  EXPECT_EQ(ExitCode(result.outcome), 3);
  ASSERT_EQ(result.undo_errors.size(), 1u);
  EXPECT_EQ(result.undo_errors[0].address, "cm");
  EXPECT_EQ(runner.state.count("ns"), 0u);  // its undo still ran after cm's failed
}

TEST(Executor, DestroyDeletesDependentsFirst) {
  plan::Plan p;
  p.mode = plan::Mode::kDestroy;
  p.changes = {MakeChange("ns", Action::kDelete), MakeChange("cm", Action::kDelete, {"ns"}),
               MakeChange("dep", Action::kDelete, {"cm"})};
  FakeRunner runner;
  runner.state = {{"ns", "x"}, {"cm", "x"}, {"dep", "x"}};
  Journal journal;
  NullStatus status;
  auto result = Execute(p, runner, journal, status, Options(8, true));
  EXPECT_EQ(result.outcome, Outcome::kSucceeded);
  EXPECT_EQ(runner.ran, (std::vector<std::string>{"dep", "cm", "ns"}));
  EXPECT_TRUE(runner.state.empty());
  EXPECT_EQ(result.destroyed, 3);
}

// The lock lost while steps run: no step starts after that, and nothing is rolled back (another
// run may hold the lock and be writing); the run ends with its own outcome and exit code 5.
TEST(Executor, ALostLockStopsTheRunWithoutWritingAnUndo) {
  plan::Plan p;
  p.changes = {MakeChange("a", Action::kCreate), MakeChange("b", Action::kCreate, {"a"}),
               MakeChange("c", Action::kCreate, {"b"})};
  std::atomic<bool> lost{false};
  struct LosesTheLockAt : FakeRunner {
    std::atomic<bool>* lost = nullptr;
    void Run(const plan::Change& change, Journal& journal) override {
      FakeRunner::Run(change, journal);
      if (change.address == "b") lost->store(true);
    }
  } runner;
  runner.lost = &lost;
  Journal journal;
  NullStatus status;
  ExecuteOptions o = Options(1, true);
  o.cancel = &lost;
  auto result = Execute(p, runner, journal, status, o);
  EXPECT_EQ(result.outcome, Outcome::kLockLost);
  EXPECT_EQ(ExitCode(result.outcome), 5);
  EXPECT_EQ(runner.ran, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(runner.undone.empty());
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].address, "c");
  EXPECT_NE(result.errors[0].message.find("lock was lost"), std::string::npos);
}

// Steps that wait for each other in a cycle are refused before anything runs.
TEST(Executor, ACycleIsRefusedBeforeAnyStepRuns) {
  plan::Plan p;
  p.changes = {MakeChange("a", Action::kCreate, {"c"}), MakeChange("b", Action::kCreate, {"a"}),
               MakeChange("c", Action::kCreate, {"b"}), MakeChange("free", Action::kCreate)};
  FakeRunner runner;
  Journal journal;
  NullStatus status;
  try {
    Execute(p, runner, journal, status, Options(2, true));
    ADD_FAILURE() << "a cycle was executed";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("in a cycle: "), std::string::npos) << e.what();
  }
  EXPECT_TRUE(runner.ran.empty());
}

// A rollback that created a deleted object again says so: it has a new uid.
TEST(Executor, RollbackNamesTheObjectsItCreatedAgain) {
  plan::Plan p;
  p.changes = {MakeChange("gone", Action::kDelete), MakeChange("old", Action::kUpdate),
               MakeChange("new", Action::kCreate, {"gone", "old"})};
  FakeRunner runner;
  runner.state = {{"gone", "v1"}, {"old", "v1"}};
  runner.fail = {"new"};
  Journal journal;
  NullStatus status;
  auto result = Execute(p, runner, journal, status, Options(1, true));
  EXPECT_EQ(result.outcome, Outcome::kRolledBack);
  EXPECT_EQ(runner.state.count("gone"), 1u);
  EXPECT_EQ(result.recreated, (std::vector<std::string>{"gone"}));
}

// Prunes in an apply: deletes among themselves go dependents first (a custom resource before
// its CRD), while the rest of the plan keeps dependencies first.
TEST(Executor, PrunesDeleteDependentsFirstInAnApply) {
  plan::Plan p;
  p.mode = plan::Mode::kApply;
  p.changes = {MakeChange("crd", Action::kDelete), MakeChange("cr", Action::kDelete, {"crd"}),
               MakeChange("ns", Action::kCreate), MakeChange("cm", Action::kCreate, {"ns"})};
  FakeRunner runner;
  runner.state = {{"crd", "x"}, {"cr", "x"}};
  Journal journal;
  NullStatus status;
  auto result = Execute(p, runner, journal, status, Options(1, true));
  EXPECT_EQ(result.outcome, Outcome::kSucceeded);
  EXPECT_LT(Pos(runner.ran, "cr"), Pos(runner.ran, "crd"));
  EXPECT_LT(Pos(runner.ran, "ns"), Pos(runner.ran, "cm"));
  EXPECT_TRUE(runner.state.count("cr") == 0 && runner.state.count("crd") == 0);
}

// A step runner that throws something other than std::exception for one address.
class ThrowsNonException : public StepRunner {
 public:
  explicit ThrowsNonException(std::string address) : address_(std::move(address)) {}
  void Run(const plan::Change& change, Journal&) override {
    if (change.address == address_) throw 42;
  }
  void Undo(const Effect&) override {}

 private:
  std::string address_;
};

// The scheduler counts any exception as a failure; the run must not then report success.
TEST(Executor, AStepThatThrowsANonExceptionFailsTheRun) {
  plan::Plan p = SamplePlan();
  ThrowsNonException runner("cm");
  Journal journal;
  NullStatus status;
  ExecuteResult result = Execute(p, runner, journal, status, Options(1, false));
  EXPECT_NE(result.outcome, Outcome::kSucceeded);
  ASSERT_FALSE(result.errors.empty());
  EXPECT_EQ(result.errors[0].address, "cm");
}

// Steps that can never start (a cycle in the plan) make the run fail instead of being skipped.
}  // namespace
}  // namespace meshform::apply
