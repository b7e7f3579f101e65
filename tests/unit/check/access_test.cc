// The permissions a plan needs: verbs by action (server-side apply's patch and create, the
// undo's verbs only with rollback), the namespace only for namespaced kinds, escalate and bind
// for roles and bindings, each tuple once with the first object that needs it, unknown kinds
// named; and the lock's.
#include "engine/check/access.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace meshform::check {
namespace {

using nlohmann::json;
using plan::Action;

plan::Change Object(const std::string& cluster, Action action, json object) {
  plan::Change c;
  c.cluster = cluster;
  c.action = action;
  std::string ns = object["metadata"].value("namespace", "");
  c.address = cluster + "/" + object.value("apiVersion", "") + "/" + object.value("kind", "") +
              "/" + (ns.empty() ? "" : ns + "/") + object["metadata"].value("name", "");
  c.resource.object = std::move(object);
  return c;
}

json Meta(const std::string& api_version, const std::string& kind, const std::string& ns,
          const std::string& name) {
  json m = {{"name", name}};
  if (!ns.empty()) m["namespace"] = ns;
  return {{"apiVersion", api_version}, {"kind", kind}, {"metadata", m}};
}

std::optional<RestName> Known(const std::string&, const std::string& api_version,
                              const std::string& kind) {
  if (kind == "Deployment") return RestName{"deployments", true};
  if (kind == "ConfigMap") return RestName{"configmaps", true};
  if (kind == "Secret") return RestName{"secrets", true};
  if (kind == "Namespace") return RestName{"namespaces", false};
  if (kind == "ClusterRole") return RestName{"clusterroles", false};
  if (kind == "RoleBinding") return RestName{"rolebindings", true};
  (void)api_version;
  return std::nullopt;
}

std::vector<std::string> Texts(const std::vector<NeededAccess>& needed,
                               const std::string& cluster) {
  std::vector<std::string> out;
  for (const auto& n : needed) {
    if (n.access.cluster == cluster) out.push_back(n.access.Text());
  }
  std::sort(out.begin(), out.end());
  return out;
}

const NeededAccess* Find(const std::vector<NeededAccess>& needed, const std::string& text) {
  for (const auto& n : needed) {
    if (n.access.Text() == text) return &n;
  }
  return nullptr;
}

TEST(AccessForPlan, VerbsFollowTheActionAndItsUndo) {
  plan::Plan p;
  p.changes = {Object("a", Action::kCreate, Meta("apps/v1", "Deployment", "app", "web")),
               Object("a", Action::kUpdate, Meta("v1", "ConfigMap", "app", "settings")),
               Object("b", Action::kDelete, Meta("v1", "Secret", "app", "old")),
               Object("b", Action::kNoOp, Meta("v1", "ConfigMap", "app", "same")),
               Object("a", Action::kCreate, Meta("v1", "Namespace", "", "app"))};
  PlanAccess access = AccessForPlan(p, Known);
  EXPECT_TRUE(access.unknown.empty());
  EXPECT_EQ(Texts(access.needed, "a"),
            (std::vector<std::string>{
                "create apps/deployments in namespace app", "create namespaces (cluster-wide)",
                "delete apps/deployments in namespace app", "delete namespaces (cluster-wide)",
                "get apps/deployments in namespace app", "get configmaps in namespace app",
                "get namespaces (cluster-wide)", "patch apps/deployments in namespace app",
                "patch configmaps in namespace app", "patch namespaces (cluster-wide)",
                "update configmaps in namespace app"}));
  EXPECT_EQ(Texts(access.needed, "b"), (std::vector<std::string>{"create secrets in namespace app",
                                                                 "delete secrets in namespace app",
                                                                 "get secrets in namespace app"}));
  const NeededAccess* undo = Find(access.needed, "delete apps/deployments in namespace app");
  ASSERT_NE(undo, nullptr);
  EXPECT_TRUE(undo->for_rollback);
  EXPECT_EQ(undo->why, "a/apps/v1/Deployment/app/web");
  EXPECT_FALSE(Find(access.needed, "patch apps/deployments in namespace app")->for_rollback);
}

TEST(AccessForPlan, WithoutRollbackTheUndoVerbsAreNotNeeded) {
  plan::Plan p;
  p.changes = {Object("a", Action::kCreate, Meta("apps/v1", "Deployment", "app", "web"))};
  auto access = AccessForPlan(p, Known, {false});
  EXPECT_EQ(Find(access.needed, "delete apps/deployments in namespace app"), nullptr);
  EXPECT_NE(Find(access.needed, "create apps/deployments in namespace app"), nullptr);
}

TEST(AccessForPlan, AForwardNeedWinsOverARollbackOne) {
  plan::Plan p;
  p.changes = {Object("a", Action::kCreate, Meta("v1", "ConfigMap", "app", "x")),
               Object("a", Action::kDelete, Meta("v1", "ConfigMap", "app", "y"))};
  auto access = AccessForPlan(p, Known);
  const NeededAccess* del = Find(access.needed, "delete configmaps in namespace app");
  ASSERT_NE(del, nullptr);
  EXPECT_FALSE(del->for_rollback);
  EXPECT_EQ(del->why, "a/v1/ConfigMap/app/y");
  EXPECT_EQ(std::count_if(access.needed.begin(), access.needed.end(),
                          [](const NeededAccess& n) {
                            return n.access.Text() == "delete configmaps in namespace app";
                          }),
            1);
}

TEST(AccessForPlan, RolesNeedEscalateAndBindingsBind) {
  plan::Plan p;
  json binding = Meta("rbac.authorization.k8s.io/v1", "RoleBinding", "istio-system", "reader");
  binding["roleRef"] = {{"kind", "ClusterRole"}, {"name", "istio-reader"}};
  p.changes = {Object("a", Action::kCreate,
                      Meta("rbac.authorization.k8s.io/v1", "ClusterRole", "", "istio-reader")),
               Object("a", Action::kCreate, binding)};
  auto access = AccessForPlan(p, Known);
  EXPECT_NE(Find(access.needed,
                 "escalate rbac.authorization.k8s.io/clusterroles istio-reader (cluster-wide)"),
            nullptr);
  EXPECT_NE(Find(access.needed,
                 "bind rbac.authorization.k8s.io/clusterroles istio-reader in "
                 "namespace istio-system"),
            nullptr);
}

TEST(AccessForPlan, KindsNoClusterServesAreNamed) {
  plan::Plan p;
  p.changes = {Object("a", Action::kCreate, Meta("example.io/v1", "Widget", "app", "w"))};
  auto access = AccessForPlan(p, Known);
  EXPECT_TRUE(access.needed.empty());
  ASSERT_EQ(access.unknown.size(), 1u);
  EXPECT_EQ(access.unknown[0], "a: example.io/v1/Widget (a/example.io/v1/Widget/app/w)");
}

TEST(AccessForLock, LeasesAndTheNamespaceWhenMissing) {
  auto with = AccessForLock("host", "meshform-system", true);
  auto without = AccessForLock("host", "meshform-system", false);
  EXPECT_EQ(
      Texts(with, "host"),
      (std::vector<std::string>{"create coordination.k8s.io/leases in namespace meshform-system",
                                "create namespaces (cluster-wide)",
                                "delete coordination.k8s.io/leases in namespace meshform-system",
                                "delete namespaces (cluster-wide)",
                                "get coordination.k8s.io/leases in namespace meshform-system",
                                "update coordination.k8s.io/leases in namespace meshform-system"}));
  EXPECT_EQ(without.size(), 4u);
  EXPECT_EQ(with[0].why, "the topology's lock");
}

}  // namespace
}  // namespace meshform::check
