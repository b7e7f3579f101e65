// Destroy leaves the contents of a namespace it deletes to that namespace's deletion: which
// changes are marked (plan/namespace_cascade.h), and how the execution graph then orders the rest
// (what waited for a content's deletion waits for the namespace to be gone; an order that would
// make a cycle stays as it was).
#include "engine/plan/namespace_cascade.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "engine/apply/execution_graph.h"
#include "resources/resource.h"
#include "tests/unit/apply/fake_runner.h"

namespace meshform::apply {
namespace {

using nlohmann::json;
using plan::Action;
using testing::MakeChange;

plan::Change Deleted(const json& object, std::vector<std::string> deps = {}) {
  return testing::ObjectChange(object, Action::kDelete, std::move(deps));
}

using testing::ObjectNamed;

TEST(NamespaceCascade, MarksOnlyContentsOfNamespacesTheDestroyDeletes) {
  plan::Plan p;
  p.mode = plan::Mode::kDestroy;
  p.changes = {Deleted(ObjectNamed("v1", "Namespace", "istio-system")),
               Deleted(ObjectNamed("v1", "Service", "istiod", "istio-system")),
               Deleted(ObjectNamed("rbac.authorization.k8s.io/v1", "ClusterRole", "istiod")),
               Deleted(ObjectNamed("v1", "ConfigMap", "kept-ns", "kube-system"))};
  plan::MarkNamespaceCascades(p);
  EXPECT_EQ(p.changes[0].deleted_with, "");
  EXPECT_EQ(p.changes[1].deleted_with, p.changes[0].address);
  EXPECT_EQ(p.changes[1].reason, "destroy (with namespace istio-system)");
  EXPECT_EQ(p.changes[2].deleted_with, "");
  EXPECT_EQ(p.changes[3].deleted_with, "");

  p.mode = plan::Mode::kApply;  // prunes of an apply keep their own steps (and undo)
  p.changes[1].deleted_with.clear();
  plan::MarkNamespaceCascades(p);
  EXPECT_EQ(p.changes[1].deleted_with, "");
}

bool Waits(const graph::Dag& dag, size_t who, size_t on) {
  const auto& deps = dag.dependencies(who);
  return std::find(deps.begin(), deps.end(), on) != deps.end();
}

// ns; cr (in ns) of crd; crd. The CRD is deleted once the namespace, and so the CR, is gone.
TEST(NamespaceCascade, WhatWaitedForAContentWaitsForItsNamespace) {
  plan::Plan p;
  p.mode = plan::Mode::kDestroy;
  p.changes = {MakeChange("ns", Action::kDelete), MakeChange("cr", Action::kDelete, {"ns", "crd"}),
               MakeChange("crd", Action::kDelete)};
  p.changes[1].deleted_with = "ns";
  auto dag = ExecutionGraph(p);
  EXPECT_TRUE(Waits(dag, 0, 1));   // the namespace after its content's (empty) step
  EXPECT_TRUE(Waits(dag, 2, 0));   // the CRD after the namespace is gone
  EXPECT_FALSE(Waits(dag, 2, 1));  // not merely after the content's step
}

// ns; sa and dep in ns; crb (cluster-wide) binds sa and dep needs crb. Redirecting "crb waits
// for dep" to the namespace would close a cycle (ns waits for sa, sa for crb): it stays.
TEST(NamespaceCascade, AnOrderThatWouldCycleStaysAsItWas) {
  plan::Plan p;
  p.mode = plan::Mode::kDestroy;
  p.changes = {MakeChange("ns", Action::kDelete), MakeChange("sa", Action::kDelete, {"ns"}),
               MakeChange("crb", Action::kDelete, {"sa"}),
               MakeChange("dep", Action::kDelete, {"ns", "crb"})};
  p.changes[1].deleted_with = "ns";
  p.changes[3].deleted_with = "ns";
  auto dag = ExecutionGraph(p);
  EXPECT_TRUE(Waits(dag, 2, 3));   // crb after dep's step, as before
  EXPECT_FALSE(Waits(dag, 2, 0));  // not after the namespace: that would be a cycle
  EXPECT_TRUE(Waits(dag, 1, 2));   // sa after crb
  EXPECT_TRUE(Waits(dag, 0, 1));   // the namespace after its contents
}

TEST(NamespaceCascade, ContentsOfOneNamespaceKeepTheirOrderAmongThemselves) {
  plan::Plan p;
  p.mode = plan::Mode::kDestroy;
  p.changes = {MakeChange("ns", Action::kDelete), MakeChange("a", Action::kDelete, {"ns"}),
               MakeChange("b", Action::kDelete, {"ns", "a"})};
  p.changes[1].deleted_with = "ns";
  p.changes[2].deleted_with = "ns";
  auto dag = ExecutionGraph(p);
  EXPECT_TRUE(Waits(dag, 1, 2));
  EXPECT_FALSE(Waits(dag, 1, 0));
}

// The injector's webhook configuration and the namespace it injects (injector-before-injected-
// namespaces): an apply creates the webhook first; a destroy deletes both at once, so that the
// istiod Service the webhook calls, and with it istio-system, does not wait for the injected
// namespace to be gone. The webhook still goes before the Service it calls.
TEST(NamespaceCascade, ADestroyDeletesTheInjectorAndTheInjectedNamespaceAtOnce) {
  plan::Plan p;
  p.mode = plan::Mode::kDestroy;
  p.changes = {Deleted(ObjectNamed("v1", "Namespace", "istio-system")),
               Deleted(ObjectNamed("v1", "Service", "istiod", "istio-system")),
               Deleted(ObjectNamed("admissionregistration.k8s.io/v1",
                                   "MutatingWebhookConfiguration", "istio-sidecar-injector")),
               Deleted(ObjectNamed("v1", "Namespace", "bench"))};
  p.changes[1].resource.depends_on = {p.changes[0].address};
  p.changes[2].resource.depends_on = {p.changes[1].address};
  p.changes[3].resource.depends_on = {p.changes[2].address};
  plan::MarkNamespaceCascades(p);
  auto dag = ExecutionGraph(p);
  EXPECT_FALSE(Waits(dag, 2, 3));  // the webhook does not wait for the injected namespace
  EXPECT_FALSE(Waits(dag, 3, 2));
  EXPECT_TRUE(Waits(dag, 1, 2));  // the istiod Service's step after the webhook,
  EXPECT_TRUE(Waits(dag, 0, 1));  // and istio-system after it

  p.mode = plan::Mode::kApply;  // an apply's order is the rule's
  for (auto& c : p.changes) c.action = Action::kCreate, c.deleted_with.clear();
  dag = ExecutionGraph(p);
  EXPECT_TRUE(Waits(dag, 3, 2));  // the injected namespace after its injector
}

}  // namespace
}  // namespace meshform::apply
