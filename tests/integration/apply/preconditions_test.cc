// The preconditions of apply's writes, on a real cluster (issue 12): an update or delete goes
// out only against the object as planned (uid and resourceVersion) and is refused, naming who
// wrote, when someone edited it since — but not when only status moved; rollback puts back
// meshform's fields without undoing what others changed after meshform's write, refuses to take
// back a field someone else took over, and never deletes an object this run did not create.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include "engine/apply/executor.h"
#include "engine/apply/kube_step_runner.h"
#include "engine/apply/waiter_adapter.h"
#include "engine/kube/cluster_clients.h"
#include "resources/resource.h"
#include "tests/support/basic_waiter.h"
#include "tests/support/clusters.h"
#include "tests/support/fault_injecting_runner.h"

namespace meshform::apply {
namespace {

using meshform::testing::FaultInjectingRunner;
using nlohmann::json;
using plan::Action;

// Runs `hook` right after the step at `address` did its writes.
class AfterStep : public StepRunner {
 public:
  AfterStep(StepRunner& inner, std::string address, std::function<void()> hook)
      : inner_(inner), address_(std::move(address)), hook_(std::move(hook)) {}
  void Run(const plan::Change& change, Journal& journal) override {
    inner_.Run(change, journal);
    if (change.address == address_) hook_();
  }
  void Undo(const Effect& effect) override { inner_.Undo(effect); }

 private:
  StepRunner& inner_;
  std::string address_;
  std::function<void()> hook_;
};

class Preconditions : public ::testing::Test {
 protected:
  void SetUp() override {
    kubeconfig_ = meshform::testing::TestKubeconfig();
    cluster_ = meshform::testing::TestContexts(1)[0];
    ns_ = meshform::testing::UniqueName("mf-pre");
    client_ = kube::Client::ForContext(cluster_, kubeconfig_);
    clients_ = std::make_unique<kube::ClusterClients>(
        std::map<std::string, std::shared_ptr<kube::Client>>{{cluster_, client_}});
    client_->Create({{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", ns_}}}});
  }
  void TearDown() override {
    kube::DeleteOptions o;
    o.ignore_not_found = true;
    client_->Delete({"v1", "Namespace", "", ns_}, o);
  }

  json ConfigMap(const std::string& name, json data) {
    return {{"apiVersion", "v1"},
            {"kind", "ConfigMap"},
            {"metadata", {{"name", name}, {"namespace", ns_}}},
            {"data", std::move(data)}};
  }
  kube::ObjectRef Ref(const std::string& name) { return {"v1", "ConfigMap", ns_, name}; }

  // What another tool or a person does: an apply under another field manager, taking over.
  void Edit(const json& object, const std::string& manager = "kubectl-edit") {
    kube::ApplyOptions o;
    o.field_manager = manager;
    o.force = true;
    client_->Apply(object, o);
  }

  plan::Change Change(json object, Action action, std::vector<std::string> deps = {}) {
    plan::Change c;
    c.resource = resources::MakeObject(cluster_, std::move(object), "pre", {});
    c.resource.depends_on = std::move(deps);
    c.address = c.resource.address;
    c.cluster = cluster_;
    c.action = action;
    if (action == Action::kUpdate || action == Action::kDelete) {
      c.live = client_->Get(kube::RefOf(c.resource.object));  // as the planner reads it
      c.planned_uid = kube::UidOf(*c.live);
      c.planned_resource_version = (*c.live)["metadata"].value("resourceVersion", "");
    }
    return c;
  }

  // Executes `plan`; `hook` runs after step `hook_after`, step `fail_at` fails after its writes.
  ExecuteResult Run(
      plan::Plan plan, const std::string& hook_after = "", std::function<void()> hook = [] {},
      const std::string& fail_at = "") {
    plan.mode = plan::Mode::kApply;
    plan.topology_name = "pre";
    plan.inventory_cluster = cluster_;
    readiness::WaitOptions waits;
    waits.timeout = std::chrono::seconds(60);
    WaitsAdapter waiter(waits);
    KubeRunnerOptions options;
    options.topology_name = "pre";
    options.inventory_cluster = cluster_;
    KubeStepRunner runner(*clients_, plan.values, waiter, options);
    AfterStep hooked(runner, hook_after, std::move(hook));
    FaultInjectingRunner faulty(hooked, fail_at.empty() ? "(none)" : fail_at);
    Journal journal;
    NullStatus status;
    ExecuteOptions o;
    o.parallelism = 1;
    return Execute(plan, faulty, journal, status, o);
  }

  static std::string Errors(const ExecuteResult& r) {
    std::string text;
    for (const auto& e : r.errors) text += e.address + ": " + e.message + "\n";
    for (const auto& e : r.undo_errors) text += "undo " + e.address + ": " + e.message + "\n";
    return text;
  }

  std::string kubeconfig_, cluster_, ns_;
  std::shared_ptr<kube::Client> client_;
  std::unique_ptr<kube::ClusterClients> clients_;
};

TEST_F(Preconditions, AnUpdateIsRefusedWhenSomeoneEditedTheObjectAfterThePlan) {
  client_->Apply(ConfigMap("cm", {{"a", "1"}}));
  plan::Plan plan;
  plan.changes = {Change(ConfigMap("cm", {{"a", "2"}}), Action::kUpdate)};
  Edit(ConfigMap("cm", {{"b", "by hand"}}));
  auto result = Run(plan);
  EXPECT_NE(result.outcome, Outcome::kSucceeded);
  ASSERT_EQ(result.errors.size(), 1u) << Errors(result);
  EXPECT_NE(result.errors[0].message.find("changed since the plan"), std::string::npos)
      << Errors(result);
  EXPECT_NE(result.errors[0].message.find("kubectl-edit"), std::string::npos) << Errors(result);
  auto cm = client_->Get(Ref("cm"));
  EXPECT_EQ(cm["data"]["a"], "1");
  EXPECT_EQ(cm["data"]["b"], "by hand");
}

TEST_F(Preconditions, AnUpdateGoesOnWhenOnlyStatusMovedSinceThePlan) {
  json deployment = {{"apiVersion", "apps/v1"},
                     {"kind", "Deployment"},
                     {"metadata", {{"name", "web"}, {"namespace", ns_}}},
                     {"spec",
                      {{"replicas", 0},
                       {"selector", {{"matchLabels", {{"app", "web"}}}}},
                       {"template",
                        {{"metadata", {{"labels", {{"app", "web"}}}}},
                         {"spec", {{"containers", {{{"name", "web"}, {"image", "nginx"}}}}}}}}}}};
  client_->Apply(deployment);
  kube::ObjectRef ref{"apps/v1", "Deployment", ns_, "web"};
  // Until the deployment controller has written what it writes once (revision, status).
  for (int i = 0; i < 300; ++i) {
    auto live = client_->Get(ref);
    if (live["metadata"]
            .value("annotations", json::object())
            .contains("deployment.kubernetes.io/revision") &&
        live.value("status", json::object()).value("observedGeneration", 0) == 1) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  json changed = deployment;
  changed["metadata"]["labels"] = {{"tier", "front"}};
  plan::Plan plan;
  plan.changes = {Change(changed, Action::kUpdate)};
  auto status = client_->Get(ref);
  status["status"]["conditions"] = {
      {{"type", "Tested"}, {"status", "True"}, {"reason", "StatusMoved"}}};
  client_->ReplaceStatus(status);
  ASSERT_NE(client_->Get(ref)["metadata"]["resourceVersion"],
            plan.changes[0].live->at("metadata")["resourceVersion"]);
  auto result = Run(plan);
  EXPECT_EQ(result.outcome, Outcome::kSucceeded) << Errors(result);
  EXPECT_EQ(client_->Get(ref)["metadata"]["labels"]["tier"], "front");
}

TEST_F(Preconditions, ADeleteIsRefusedWhenSomeoneEditedTheObjectAfterThePlan) {
  client_->Apply(ConfigMap("cm", {{"a", "1"}}));
  plan::Plan plan;
  plan.changes = {Change(ConfigMap("cm", {{"a", "1"}}), Action::kDelete)};
  json keep = ConfigMap("cm", {{"a", "1"}});
  keep["metadata"]["labels"] = {{"keep", "yes"}};
  Edit(keep);
  auto result = Run(plan);
  ASSERT_EQ(result.errors.size(), 1u) << Errors(result);
  EXPECT_NE(result.errors[0].message.find("changed since the plan"), std::string::npos)
      << Errors(result);
  EXPECT_EQ(client_->Get(Ref("cm"))["metadata"]["labels"]["keep"], "yes");
}

TEST_F(Preconditions, ADeleteIsRefusedWhenTheObjectWasCreatedAgainAfterThePlan) {
  client_->Apply(ConfigMap("cm", {{"a", "1"}}));
  plan::Plan plan;
  plan.changes = {Change(ConfigMap("cm", {{"a", "1"}}), Action::kDelete)};
  client_->Delete(Ref("cm"));
  meshform::testing::BasicWaiter(std::chrono::seconds(30)).WaitGone(*client_, Ref("cm"), "");
  auto other = client_->Create(ConfigMap("cm", {{"a", "someone else's"}}));
  auto result = Run(plan);
  ASSERT_EQ(result.errors.size(), 1u) << Errors(result);
  EXPECT_NE(result.errors[0].message.find("deleted and created again"), std::string::npos)
      << Errors(result);
  EXPECT_EQ(kube::UidOf(client_->Get(Ref("cm"))), kube::UidOf(other));
}

TEST_F(Preconditions, RollbackKeepsWhatOthersChangedAfterMeshformsWrite) {
  client_->Apply(ConfigMap("cm", {{"a", "1"}}));
  plan::Plan plan;
  auto update = Change(ConfigMap("cm", {{"a", "2"}}), Action::kUpdate);
  auto next = Change(ConfigMap("next", {{"x", "1"}}), Action::kCreate, {update.address});
  plan.changes = {update, next};
  auto result = Run(
      plan, update.address,
      [&] {
        Edit(ConfigMap("cm", {{"b", "by hand"}}));
      },
      next.address);
  EXPECT_EQ(result.outcome, Outcome::kRolledBack) << Errors(result);
  EXPECT_TRUE(result.undo_errors.empty()) << Errors(result);
  auto cm = client_->Get(Ref("cm"));
  EXPECT_EQ(cm["data"]["a"], "1");
  EXPECT_EQ(cm["data"]["b"], "by hand");
  EXPECT_FALSE(client_->GetIfExists(Ref("next")));
}

TEST_F(Preconditions, RollbackDoesNotTakeBackAFieldSomeoneElseTookOver) {
  client_->Apply(ConfigMap("cm", {{"a", "1"}}));
  plan::Plan plan;
  auto update = Change(ConfigMap("cm", {{"a", "2"}}), Action::kUpdate);
  auto next = Change(ConfigMap("next", {{"x", "1"}}), Action::kCreate, {update.address});
  plan.changes = {update, next};
  auto result = Run(
      plan, update.address,
      [&] {
        Edit(ConfigMap("cm", {{"a", "by hand"}}));
      },
      next.address);
  EXPECT_EQ(result.outcome, Outcome::kRollbackIncomplete) << Errors(result);
  ASSERT_EQ(result.undo_errors.size(), 1u) << Errors(result);
  EXPECT_NE(result.undo_errors[0].message.find("changed again by others"), std::string::npos)
      << Errors(result);
  EXPECT_EQ(client_->Get(Ref("cm"))["data"]["a"], "by hand");
}

TEST_F(Preconditions, ACreateOverAnObjectSomeoneElseCreatedAfterThePlanIsNotUndone) {
  plan::Plan plan;
  plan.changes = {Change(ConfigMap("cm", {{"a", "mine"}}), Action::kCreate)};
  Edit(ConfigMap("cm", {{"b", "theirs"}}), "someone");
  auto result = Run(plan);
  ASSERT_EQ(result.errors.size(), 1u) << Errors(result);
  EXPECT_NE(result.errors[0].message.find("created by someone else"), std::string::npos)
      << Errors(result);
  auto cm = client_->GetIfExists(Ref("cm"));
  ASSERT_TRUE(cm) << "rollback deleted an object this run did not create";
  EXPECT_EQ((*cm)["data"]["b"], "theirs");
}

TEST_F(Preconditions, UndoOfACreateLeavesAnObjectSomeoneElsePutInItsPlace) {
  plan::Plan plan;
  auto create = Change(ConfigMap("cm", {{"a", "mine"}}), Action::kCreate);
  auto next = Change(ConfigMap("next", {{"x", "1"}}), Action::kCreate, {create.address});
  plan.changes = {create, next};
  std::string theirs;
  auto result = Run(
      plan, create.address,
      [&] {
        client_->Delete(Ref("cm"));
        meshform::testing::BasicWaiter(std::chrono::seconds(30)).WaitGone(*client_, Ref("cm"), "");
        theirs = kube::UidOf(client_->Create(ConfigMap("cm", {{"b", "theirs"}})));
      },
      next.address);
  ASSERT_EQ(result.undo_errors.size(), 1u) << Errors(result);
  EXPECT_NE(result.undo_errors[0].message.find("replaced by someone else"), std::string::npos)
      << Errors(result);
  EXPECT_EQ(kube::UidOf(client_->Get(Ref("cm"))), theirs);
}

}  // namespace
}  // namespace meshform::apply
