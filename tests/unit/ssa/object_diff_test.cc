// The server-side-apply diff against a live Deployment captured from a real v1.20 API server
// (testdata/deployment-live.json: applied by manager "meshform" with replicas 2, then scaled to
// 3 out of band; the controller-manager owns status and an annotation).
#include "engine/ssa/object_diff.h"

#include <gtest/gtest.h>

#include <fstream>

namespace meshform::ssa {
namespace {

using json = nlohmann::json;

json Testdata(const std::string& name) {
  std::ifstream in(std::string(MESHFORM_SOURCE_DIR) + "/tests/unit/ssa/testdata/" + name);
  return json::parse(in);
}

json Live() { return Testdata("deployment-live.json"); }

// What meshform applied to make the live object.
json Applied() {
  return json::parse(R"({
    "apiVersion": "apps/v1", "kind": "Deployment",
    "metadata": {"name": "web", "namespace": "default", "labels": {"app": "web"}},
    "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
      "template": {"metadata": {"labels": {"app": "web"}},
        "spec": {"containers": [{"name": "web", "image": "nginx:1",
          "ports": [{"containerPort": 80, "protocol": "TCP"}],
          "env": [{"name": "A", "value": "1"}]}]}}}})");
}

json::json_pointer Ptr(const char* p) { return json::json_pointer(p); }

TEST(ObjectDiff, DriftOnAManagedFieldIsAChange) {
  auto diff = DiffObject(Applied(), Live());
  ASSERT_EQ(diff.changes.size(), 1u);
  EXPECT_EQ(ToString(diff.changes[0].path), ".spec.replicas");
  EXPECT_EQ(diff.changes[0].op, FieldChange::Op::kChange);
  EXPECT_EQ(*diff.changes[0].before, 3);
  EXPECT_EQ(*diff.changes[0].after, 2);
  EXPECT_TRUE(diff.conflicts.empty());
}

TEST(ObjectDiff, DefaultsStatusAndOtherManagersFieldsNeverShow) {
  auto desired = Applied();
  desired["spec"]["replicas"] = 3;
  auto diff = DiffObject(desired, Live());
  EXPECT_TRUE(diff.empty()) << ToString(diff.changes[0].path);
}

TEST(ObjectDiff, AFieldNoLongerWantedIsRemoved) {
  auto desired = Applied();
  desired["spec"]["replicas"] = 3;
  desired[Ptr("/spec/template/spec/containers/0")].erase("env");
  auto diff = DiffObject(desired, Live());
  ASSERT_EQ(diff.changes.size(), 1u);
  EXPECT_EQ(diff.changes[0].op, FieldChange::Op::kRemove);
  EXPECT_EQ(ToString(diff.changes[0].path), R"(.spec.template.spec.containers[name="web"].env)");
}

TEST(ObjectDiff, AListItemNoLongerWantedIsRemovedByKey) {
  auto live = Live();
  auto desired = Applied();
  desired["spec"]["replicas"] = 3;
  desired[Ptr("/spec/template/spec/containers/0/env/0/name")] = "B";
  auto diff = DiffObject(desired, live);
  ASSERT_EQ(diff.changes.size(), 3u);
  int adds = 0, removes = 0;
  for (const auto& c : diff.changes) {
    adds += c.op == FieldChange::Op::kAdd;
    removes += c.op == FieldChange::Op::kRemove;
  }
  EXPECT_EQ(adds, 2);  // env[name=B].name and .value
  EXPECT_EQ(removes, 1);
}

TEST(ObjectDiff, ChangingAFieldAnotherManagerOwnsIsAConflict) {
  auto live = Live();
  live["metadata"]["managedFields"].push_back(json::parse(R"({
    "manager": "kubectl-edit", "operation": "Update", "apiVersion": "apps/v1",
    "fieldsType": "FieldsV1",
    "fieldsV1": {"f:spec": {"f:template": {"f:spec": {"f:containers": {
      "k:{\"name\":\"web\"}": {"f:image": {}}}}}}}})"));
  live[Ptr("/spec/template/spec/containers/0/image")] = "nginx:edited";
  auto desired = Applied();
  desired["spec"]["replicas"] = 3;
  auto diff = DiffObject(desired, live);
  ASSERT_EQ(diff.changes.size(), 1u);
  ASSERT_EQ(diff.conflicts.size(), 1u);
  EXPECT_EQ(diff.conflicts[0].manager, "kubectl-edit");
  EXPECT_EQ(ToString(diff.conflicts[0].path),
            R"(.spec.template.spec.containers[name="web"].image)");
}

TEST(ObjectDiff, AGeneratedValueAlwaysShowsAsAChange) {
  auto desired = Applied();
  desired["spec"]["replicas"] = 3;
  desired["metadata"]["labels"]["token"] =
      json::parse(R"({"$generated": {"from": "token/x", "field": "token"}})");
  auto diff = DiffObject(desired, Live());
  ASSERT_EQ(diff.changes.size(), 1u);
  EXPECT_EQ(diff.changes[0].op, FieldChange::Op::kAdd);
  EXPECT_TRUE(diff.changes[0].after->contains("$generated"));
}

TEST(ObjectDiff, AgainstNothingEverythingIsAnAdd) {
  auto diff = DiffObject(Applied(), json::object());
  EXPECT_GT(diff.changes.size(), 8u);
  for (const auto& c : diff.changes) EXPECT_EQ(c.op, FieldChange::Op::kAdd);
}

TEST(ObjectDiff, ValueAtFollowsKeysAndIndexes) {
  Path p = {PathElement::Field("spec"),
            PathElement::Field("template"),
            PathElement::Field("spec"),
            PathElement::Field("containers"),
            PathElement::Key({{"name", "web"}}),
            PathElement::Field("ports"),
            PathElement::Index(0),
            PathElement::Field("containerPort")};
  EXPECT_EQ(*ValueAt(Live(), p), 80);
  p[4] = PathElement::Key({{"name", "nope"}});
  EXPECT_FALSE(ValueAt(Live(), p).has_value());
}

// testdata/webhook-live.json: the stand-in renderer's injector as applied by meshform to a real
// v1.20 API server, which added rules[].scope "*" inside the atomic rules list.
json LiveWebhook() { return Testdata("webhook-live.json"); }

json AppliedWebhook() {
  return json::parse(R"({
    "apiVersion": "admissionregistration.k8s.io/v1", "kind": "MutatingWebhookConfiguration",
    "metadata": {"name": "istio-sidecar-injector", "labels": {"app": "sidecar-injector",
      "app.kubernetes.io/managed-by": "meshform", "istio.io/rev": "default",
      "meshform.io/topology": "bench"}},
    "webhooks": [{"admissionReviewVersions": ["v1"],
      "clientConfig": {"service": {"name": "istiod", "namespace": "istio-system",
        "path": "/inject", "port": 443}},
      "failurePolicy": "Ignore", "name": "sidecar-injector.istio.io",
      "namespaceSelector": {"matchLabels": {"istio-injection": "enabled"}},
      "rules": [{"apiGroups": [""], "apiVersions": ["v1"], "operations": ["CREATE"],
        "resources": ["pods"]}],
      "sideEffects": "None"}]})");
}

const json::json_pointer kRules("/webhooks/0/rules");

TEST(ObjectDiff, ServerDefaultsInsideAnAtomicListAreNoChange) {
  auto diff = DiffObject(AppliedWebhook(), LiveWebhook());
  EXPECT_TRUE(diff.empty()) << ToString(diff.changes[0].path);
}

TEST(ObjectDiff, AChangeInsideAnAtomicListIsStillAChange) {
  auto desired = AppliedWebhook();
  desired[kRules][0]["operations"] = {"CREATE", "UPDATE"};
  auto diff = DiffObject(desired, LiveWebhook());
  ASSERT_EQ(diff.changes.size(), 1u);
  EXPECT_EQ(ToString(diff.changes[0].path), R"(.webhooks[name="sidecar-injector.istio.io"].rules)");
}

TEST(ObjectDiff, ALiveValueOtherThanTheDefaultIsAChange) {
  // Live says Namespaced; the desired rule says nothing, so applying it makes the scope "*".
  auto live = LiveWebhook();
  live[kRules][0]["scope"] = "Namespaced";
  auto diff = DiffObject(AppliedWebhook(), live);
  ASSERT_EQ(diff.changes.size(), 1u);
  EXPECT_EQ(ToString(diff.changes[0].path), R"(.webhooks[name="sidecar-injector.istio.io"].rules)");
}

}  // namespace
}  // namespace meshform::ssa
