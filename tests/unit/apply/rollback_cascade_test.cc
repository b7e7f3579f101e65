// Rollback leaves what this run created inside a namespace it also created to that namespace's
// deletion: those steps send nothing, whatever waited for them (a CRD for its custom resources)
// waits for the namespace to be gone, and they count as undone only once it is.
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>

#include "engine/apply/executor.h"
#include "engine/util/error.h"
#include "tests/unit/apply/fake_runner.h"

namespace meshform::apply {
namespace {

using nlohmann::json;
using plan::Action;

// Journals each step as an object it created (identity and uid from the plan), fails the steps
// named in `fail` after writing, and records undos (failing those named in `fail_undo`).
class CreatingRunner : public StepRunner {
 public:
  void Run(const plan::Change& change, Journal& journal) override {
    Effect e = ObjectEffect(change.address, change.cluster, change.address, "apply");
    e.identity = change.resource.object;
    size_t id = journal.Record(e);
    journal.MarkApplied(id, "uid-" + change.address, "1");
    if (fail.count(change.address)) throw Error("failed: " + change.address);
  }
  void Undo(const Effect& effect) override {
    std::lock_guard<std::mutex> lock(mu_);
    undone.push_back(effect.step);
    if (fail_undo.count(effect.step)) throw Error("undo failed: " + effect.step);
  }
  std::set<std::string> fail, fail_undo;
  std::vector<std::string> undone;

 private:
  std::mutex mu_;
};

plan::Change Created(const json& object, std::vector<std::string> deps = {}) {
  return testing::ObjectChange(object, Action::kCreate, std::move(deps));
}

using testing::ObjectNamed;

// Namespace app (created), a ConfigMap in it, a CRD and a custom resource in app, and last a
// ConfigMap in kube-system (a namespace that was there before), which fails.
plan::Plan SamplePlan() {
  plan::Plan p;
  p.changes = {Created(ObjectNamed("v1", "Namespace", "app"))};
  const std::string ns = p.changes[0].address;
  p.changes.push_back(Created(ObjectNamed("v1", "ConfigMap", "one", "app"), {ns}));
  p.changes.push_back(
      Created(ObjectNamed("apiextensions.k8s.io/v1", "CustomResourceDefinition", "xs.example.io")));
  p.changes.push_back(
      Created(ObjectNamed("example.io/v1", "X", "x", "app"), {ns, p.changes[2].address}));
  p.changes.push_back(Created(ObjectNamed("v1", "ConfigMap", "late", "kube-system"),
                              {p.changes[1].address, p.changes[3].address}));
  return p;
}

size_t Pos(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) - v.begin();
}

TEST(RollbackCascade, ContentsOfANamespaceTheRunCreatedGoWithIt) {
  auto plan = SamplePlan();
  CreatingRunner runner;
  runner.fail = {plan.changes[4].address};
  Journal journal;
  NullStatus status;
  ExecuteOptions options;
  options.parallelism = 4;
  auto result = Execute(plan, runner, journal, status, options);
  EXPECT_EQ(result.outcome, Outcome::kRolledBack);
  EXPECT_EQ(result.undone_steps, 5);
  // Undone one by one: the failed step, the namespace and the CRD; not the namespace's contents.
  std::vector<std::string> sent = runner.undone;
  std::sort(sent.begin(), sent.end());
  std::vector<std::string> want = {plan.changes[0].address, plan.changes[2].address,
                                   plan.changes[4].address};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(sent, want);
  // The CRD only once the namespace, and with it the custom resource, is gone.
  EXPECT_LT(Pos(runner.undone, plan.changes[0].address),
            Pos(runner.undone, plan.changes[2].address));
  for (const auto& e : journal.All()) EXPECT_EQ(e.state, Effect::State::kUndone) << e.what;
}

TEST(RollbackCascade, WhenTheNamespaceCannotBeDeletedItsContentsAreNotUndone) {
  auto plan = SamplePlan();
  CreatingRunner runner;
  runner.fail = {plan.changes[4].address};
  runner.fail_undo = {plan.changes[0].address};
  Journal journal;
  NullStatus status;
  auto result = Execute(plan, runner, journal, status, ExecuteOptions{});
  EXPECT_EQ(result.outcome, Outcome::kRollbackIncomplete);
  std::vector<std::string> failed;
  for (const auto& e : result.undo_errors) failed.push_back(e.address);
  std::sort(failed.begin(), failed.end());
  std::vector<std::string> want = {plan.changes[0].address, plan.changes[1].address,
                                   plan.changes[3].address};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(failed, want);
  for (const auto& e : result.undo_errors) {
    if (e.address == plan.changes[1].address) {
      EXPECT_EQ(e.message,
                "left to the deletion of namespace " + plan.changes[0].address + ", which failed");
    }
  }
  for (const auto& e : journal.All()) {
    bool in_app = e.what == plan.changes[1].address || e.what == plan.changes[3].address ||
                  e.what == plan.changes[0].address;
    EXPECT_EQ(e.state, in_app ? Effect::State::kUndoFailed : Effect::State::kUndone) << e.what;
  }
}

TEST(RollbackCascade, ObjectsInANamespaceThatWasThereBeforeAreUndoneOneByOne) {
  plan::Plan plan;
  plan.changes = {Created(ObjectNamed("v1", "ConfigMap", "a", "kube-system")),
                  Created(ObjectNamed("v1", "ConfigMap", "b", "kube-system"))};
  plan.changes[1].resource.depends_on = {plan.changes[0].address};
  CreatingRunner runner;
  runner.fail = {plan.changes[1].address};
  Journal journal;
  NullStatus status;
  auto result = Execute(plan, runner, journal, status, ExecuteOptions{});
  EXPECT_EQ(result.outcome, Outcome::kRolledBack);
  EXPECT_EQ(runner.undone,
            (std::vector<std::string>{plan.changes[1].address, plan.changes[0].address}));
}

}  // namespace
}  // namespace meshform::apply
