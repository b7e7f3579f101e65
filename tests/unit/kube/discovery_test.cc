// Proves REST mapping through discovery: kinds map to resource paths and scope, group versions
// are fetched once and cached, a kind missing from the cache triggers one refetch (a CRD just
// created), and unknown kinds give NoKindMatch naming the cluster and kind.
#include <gtest/gtest.h>

#include <atomic>

#include "tests/unit/kube/fake_api.h"

namespace meshform::kube {
namespace {

using testing::DiscoveryHandler;
using testing::FakeCluster;

TEST(KubeDiscoveryTest, MapsKindsToPathsAndScope) {
  FakeCluster cluster;
  cluster.transport->SetHandler(DiscoveryHandler(
      [](const HttpRequest&) { return FakeTransport::Status(404, "NotFound", "x"); }));
  RestMapping deploy = cluster.client->Mapping("apps/v1", "Deployment");
  EXPECT_EQ(deploy.resource, "deployments");
  EXPECT_TRUE(deploy.namespaced);
  EXPECT_TRUE(deploy.HasSubresource("status"));
  EXPECT_TRUE(deploy.HasSubresource("scale"));
  EXPECT_EQ(deploy.Path("ns", "web", "status"),
            "/apis/apps/v1/namespaces/ns/deployments/web/status");
  RestMapping ns = cluster.client->Mapping("v1", "Namespace");
  EXPECT_FALSE(ns.namespaced);
  EXPECT_EQ(ns.Path("ignored", "x"), "/api/v1/namespaces/x");
}

TEST(KubeDiscoveryTest, GroupVersionsAreFetchedOnce) {
  FakeCluster cluster;
  cluster.transport->SetHandler(DiscoveryHandler(
      [](const HttpRequest&) { return FakeTransport::Status(404, "NotFound", "x"); }));
  for (int i = 0; i < 5; ++i) {
    cluster.client->Mapping("v1", "ConfigMap");
    cluster.client->Mapping("v1", "Secret");
    cluster.client->Mapping("apps/v1", "Deployment");
  }
  EXPECT_EQ(cluster.transport->RequestCount(), 2u);
  cluster.client->RefreshDiscovery();
  cluster.client->Mapping("v1", "ConfigMap");
  EXPECT_EQ(cluster.transport->RequestCount(), 3u);
}

TEST(KubeDiscoveryTest, NewCustomResourceIsFoundAfterItsCrdAppears) {
  FakeCluster cluster;
  auto installed = std::make_shared<std::atomic<bool>>(false);
  cluster.transport->SetHandler(DiscoveryHandler([installed](const HttpRequest& r) {
    if (r.url.find("/apis/example.com/v1") != std::string::npos) {
      if (!*installed) return FakeTransport::Json(200, R"({"resources":[]})");
      return FakeTransport::Json(
          200, R"({"resources":[{"name":"widgets","namespaced":true,"kind":"Widget"}]})");
    }
    return FakeTransport::Status(404, "NotFound", "x");
  }));
  try {
    cluster.client->Mapping("example.com/v1", "Widget");
    FAIL();
  } catch (const NoKindMatch& e) {
    EXPECT_NE(std::string(e.what()).find("fake: map Widget (example.com/v1)"), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("CustomResourceDefinition"), std::string::npos);
  }
  *installed = true;
  EXPECT_EQ(cluster.client->Mapping("example.com/v1", "Widget").resource, "widgets");
}

TEST(KubeDiscoveryTest, UnservedGroupVersionIsNoKindMatch) {
  FakeCluster cluster;
  cluster.transport->SetHandler(DiscoveryHandler([](const HttpRequest&) {
    HttpResponse r;
    r.status = 404;
    r.body = "404 page not found\n";
    return r;
  }));
  try {
    cluster.client->Mapping("nope.io/v9", "Thing");
    FAIL();
  } catch (const NoKindMatch& e) {
    EXPECT_NE(std::string(e.what()).find("does not serve nope.io/v9"), std::string::npos)
        << e.what();
  }
}

TEST(KubeDiscoveryTest, ServerGroupVersionsListsPreferredFirst) {
  FakeCluster cluster;
  cluster.transport->SetHandler([](const HttpRequest& r) {
    if (r.url.ends_with("/api")) return FakeTransport::Json(200, R"({"versions":["v1"]})");
    return FakeTransport::Json(200, R"({"groups":[{"name":"autoscaling","versions":[
      {"groupVersion":"autoscaling/v2beta1","version":"v2beta1"},{"groupVersion":"autoscaling/v1","version":"v1"}],
      "preferredVersion":{"groupVersion":"autoscaling/v1","version":"v1"}}]})");
  });
  auto gvs = cluster.client->discovery().ServerGroupVersions();
  ASSERT_EQ(gvs.size(), 3u);
  EXPECT_EQ(gvs[0].ApiVersion(), "v1");
  EXPECT_EQ(gvs[1].ApiVersion(), "autoscaling/v1");
  EXPECT_EQ(gvs[2].ApiVersion(), "autoscaling/v2beta1");
}

}  // namespace
}  // namespace meshform::kube
