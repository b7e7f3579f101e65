// The preflight over an in-process API server (FakeTransport): one SelfSubjectAccessReview per
// distinct permission, every missing one listed for its cluster with the object that needs it,
// custom resources resolved through a CRD of the same plan, and the lock's permissions.
#include "engine/check/access_review.h"

#include <gtest/gtest.h>

#include <mutex>
#include <set>

#include "engine/check/preflight.h"
#include "tests/unit/kube/fake_api.h"

namespace meshform::check {
namespace {

using kube::FakeTransport;
using nlohmann::json;
using plan::Action;

const char* kAuthorizationV1 =
    R"({"kind":"APIResourceList","groupVersion":"authorization.k8s.io/v1",
  "resources":[{"name":"selfsubjectaccessreviews","namespaced":false,"kind":"SelfSubjectAccessReview","verbs":["create"]}]})";
const char* kApiextensionsV1 =
    R"({"kind":"APIResourceList","groupVersion":"apiextensions.k8s.io/v1",
  "resources":[{"name":"customresourcedefinitions","namespaced":false,"kind":"CustomResourceDefinition","verbs":["get","patch","create","delete"]}]})";

// Answers reviews: everything is allowed but the denied "verb group/resource ns" strings.
class Reviewer {
 public:
  explicit Reviewer(std::set<std::string> denied) : denied_(std::move(denied)) {}

  kube::HttpResponse Answer(const kube::HttpRequest& request) {
    if (request.url.find("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews") !=
        std::string::npos) {
      json review = json::parse(request.body);
      const json& a = review["spec"]["resourceAttributes"];
      std::string key = a.value("verb", "") + " " + a.value("group", "") + "/" +
                        a.value("resource", "") + " " + a.value("namespace", "");
      {
        std::lock_guard guard(mu_);
        reviewed_.push_back(key);
      }
      review["status"] = {{"allowed", denied_.count(key) == 0}};
      if (denied_.count(key)) review["status"]["reason"] = "no RBAC policy matched";
      return FakeTransport::Json(201, review.dump());
    }
    if (request.url.find("/apis/authorization.k8s.io/v1") != std::string::npos)
      return FakeTransport::Json(200, kAuthorizationV1);
    if (request.url.find("/apis/apiextensions.k8s.io/v1") != std::string::npos)
      return FakeTransport::Json(200, kApiextensionsV1);
    if (request.url.find("/api/v1/namespaces/meshform-system") != std::string::npos)
      return FakeTransport::Status(404, "NotFound", "namespaces \"meshform-system\" not found");
    return FakeTransport::Status(404, "NotFound", "no such path");
  }

  std::vector<std::string> Reviewed() {
    std::lock_guard guard(mu_);
    return reviewed_;
  }

 private:
  std::set<std::string> denied_;
  std::mutex mu_;
  std::vector<std::string> reviewed_;
};

struct Fixture {
  explicit Fixture(std::set<std::string> denied) : reviewer(std::move(denied)) {
    cluster.transport->SetHandler(kube::testing::DiscoveryHandler(
        [this](const kube::HttpRequest& r) { return reviewer.Answer(r); }));
    clients = std::make_unique<kube::ClusterClients>(
        std::map<std::string, std::shared_ptr<kube::Client>>{{"fake", std::move(cluster.client)}});
  }
  Reviewer reviewer;
  kube::testing::FakeCluster cluster;
  std::unique_ptr<kube::ClusterClients> clients;
};

plan::Change Create(json object) {
  plan::Change c;
  c.cluster = "fake";
  c.action = Action::kCreate;
  c.address = "fake/" + object.value("kind", "") + "/" + object["metadata"].value("name", "");
  c.resource.object = std::move(object);
  return c;
}

plan::Plan MeshPlan() {
  plan::Plan p;
  p.inventory_cluster = "fake";
  p.changes.push_back(Create({{"apiVersion", "apps/v1"},
                              {"kind", "Deployment"},
                              {"metadata", {{"name", "web"}, {"namespace", "app"}}}}));
  p.changes.push_back(Create({{"apiVersion", "apiextensions.k8s.io/v1"},
                              {"kind", "CustomResourceDefinition"},
                              {"metadata", {{"name", "gateways.networking.istio.io"}}},
                              {"spec",
                               {{"group", "networking.istio.io"},
                                {"scope", "Namespaced"},
                                {"names", {{"kind", "Gateway"}, {"plural", "gateways"}}}}}}));
  p.changes.push_back(Create({{"apiVersion", "networking.istio.io/v1alpha3"},
                              {"kind", "Gateway"},
                              {"metadata", {{"name", "cross"}, {"namespace", "istio-system"}}}}));
  return p;
}

TEST(Preflight, ListsEveryMissingPermissionWithTheObjectThatNeedsIt) {
  Fixture f({"create apps/deployments app", "delete networking.istio.io/gateways istio-system"});
  auto checks = PlanPermissionChecks(*f.clients, {"fake"}, MeshPlan(), "meshform-system", {});
  ASSERT_EQ(checks.size(), 1u);
  const Check& c = checks[0];
  EXPECT_EQ(c.category, "permissions");
  EXPECT_EQ(c.cluster, "fake");
  EXPECT_EQ(c.result, Result::kFail);
  ASSERT_EQ(c.details.size(), 2u) << c.message << ": " << c.details[0];
  EXPECT_EQ(c.details[0],
            "create apps/deployments in namespace app — for fake/Deployment/web [no RBAC policy "
            "matched]");
  EXPECT_EQ(c.details[1],
            "delete networking.istio.io/gateways in namespace istio-system — for "
            "fake/Gateway/cross (to roll it back) [no RBAC policy matched]");
  EXPECT_FALSE(c.hint.empty());
}

TEST(Preflight, ReviewsEachDistinctPermissionOnceIncludingTheLocksAndNamespace) {
  Fixture f({});
  auto checks = PlanPermissionChecks(*f.clients, {"fake"}, MeshPlan(), "meshform-system", {});
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].result, Result::kPass) << checks[0].message;
  auto reviewed = f.reviewer.Reviewed();
  std::set<std::string> distinct(reviewed.begin(), reviewed.end());
  EXPECT_EQ(distinct.size(), reviewed.size()) << "a permission was reviewed twice";
  // 3 objects x 4 verbs (patch, create, get, delete), the lock's 4, the missing namespace's
  // create and delete.
  EXPECT_EQ(reviewed.size(), 3u * 4u + 4u + 2u);
  EXPECT_TRUE(distinct.count("create networking.istio.io/gateways istio-system"));
  EXPECT_TRUE(distinct.count("update coordination.k8s.io/leases meshform-system"));
  EXPECT_TRUE(distinct.count("create /namespaces "));
}

TEST(Preflight, TheLocksOwnPermissionsAlone) {
  Fixture f({"create coordination.k8s.io/leases meshform-system"});
  auto checks = LockPermissionChecks(*f.clients, "fake", "meshform-system", 4);
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].result, Result::kFail);
  ASSERT_EQ(checks[0].details.size(), 1u);
  EXPECT_NE(checks[0].details[0].find("for the topology's lock"), std::string::npos)
      << checks[0].details[0];
  EXPECT_NE(checks[0].message.find("the topology's lock"), std::string::npos);
}

TEST(Preflight, AKindNeitherServedNorPlannedFails) {
  Fixture f({});
  plan::Plan p;
  p.inventory_cluster = "fake";
  p.changes.push_back(Create({{"apiVersion", "example.io/v1"},
                              {"kind", "Widget"},
                              {"metadata", {{"name", "w"}, {"namespace", "app"}}}}));
  auto checks = PlanPermissionChecks(*f.clients, {"fake"}, p, "", {});
  ASSERT_FALSE(checks.empty());
  EXPECT_EQ(checks.back().name, "kinds");
  EXPECT_EQ(checks.back().result, Result::kFail);
  EXPECT_EQ(checks.back().details,
            std::vector<std::string>{"fake: example.io/v1/Widget (fake/Widget/w)"});
}

}  // namespace
}  // namespace meshform::check
