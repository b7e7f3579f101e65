// Proves how Client turns operations into API requests (methods, paths, queries, content types,
// bodies, headers) and reads the answers (lists across pages, tokens, deletes), on a fake
// transport.
#include "engine/kube/client.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "tests/unit/kube/fake_api.h"

namespace meshform::kube {
namespace {

using testing::DiscoveryHandler;
using testing::FakeCluster;

json ConfigMap(const std::string& name) {
  return {{"apiVersion", "v1"},
          {"kind", "ConfigMap"},
          {"metadata", {{"name", name}}},
          {"data", {{"k", "v"}}}};
}

struct KubeClientTest : ::testing::Test {
  FakeCluster cluster;
  void Answer(FakeTransport::Handler handler) {
    cluster.transport->SetHandler(DiscoveryHandler(std::move(handler)));
  }
  HttpRequest Last() { return cluster.ApiRequests().back(); }
};

TEST_F(KubeClientTest, ApplyIsAServerSidePatch) {
  Answer([](const HttpRequest& r) { return FakeTransport::Json(201, r.body); });
  json object = ConfigMap("cm");
  object["metadata"]["managedFields"] = json::array({json::object()});
  json result = cluster.client->Apply(object, {"", true, true});
  HttpRequest r = Last();
  EXPECT_EQ(r.method, "PATCH");
  EXPECT_EQ(r.url,
            "https://fake.invalid/api/v1/namespaces/default/configmaps/cm"
            "?fieldManager=meshform&force=true&dryRun=All");
  EXPECT_EQ(r.headers["Content-Type"], "application/apply-patch+yaml");
  EXPECT_EQ(r.headers["Authorization"], "Bearer fake-token-123");
  EXPECT_EQ(r.headers["User-Agent"].rfind("meshform/", 0), 0u);
  json body = json::parse(r.body);
  EXPECT_EQ(body["metadata"]["namespace"], "default");
  EXPECT_FALSE(body["metadata"].contains("managedFields"));
  EXPECT_EQ(result["data"]["k"], "v");
}

TEST_F(KubeClientTest, ApplyUsesTheGivenFieldManagerAndClusterScope) {
  Answer([](const HttpRequest& r) { return FakeTransport::Json(200, r.body); });
  json ns = {{"apiVersion", "v1"},
             {"kind", "Namespace"},
             {"metadata", {{"name", "team"}, {"namespace", "x"}}}};
  cluster.client->Apply(ns, {"other manager", false, false});
  EXPECT_EQ(Last().url, "https://fake.invalid/api/v1/namespaces/team?fieldManager=other%20manager");
}

TEST_F(KubeClientTest, ApplyStatusTargetsTheSubresource) {
  Answer([](const HttpRequest& r) { return FakeTransport::Json(200, r.body); });
  json deploy = {{"apiVersion", "apps/v1"},
                 {"kind", "Deployment"},
                 {"metadata", {{"name", "web"}, {"namespace", "apps"}}},
                 {"status", {{"readyReplicas", 1}}}};
  cluster.client->ApplyStatus(deploy);
  EXPECT_EQ(Last().url,
            "https://fake.invalid/apis/apps/v1/namespaces/apps/deployments/web/status"
            "?fieldManager=meshform");
  EXPECT_THROW(cluster.client->ApplyStatus(ConfigMap("cm")), NotFound);  // no status subresource
}

TEST_F(KubeClientTest, ObjectsWithoutNameAreRejectedBeforeSending) {
  Answer([](const HttpRequest&) { return FakeTransport::Json(200, "{}"); });
  json nameless = {{"apiVersion", "v1"}, {"kind", "ConfigMap"}, {"metadata", json::object()}};
  EXPECT_THROW(cluster.client->Apply(nameless), Invalid);
  EXPECT_TRUE(cluster.ApiRequests().empty());
}

TEST_F(KubeClientTest, ListFollowsContinueTokensAndKeepsTheFirstResourceVersion) {
  Answer([](const HttpRequest& r) {
    bool second = r.url.find("continue=page2") != std::string::npos;
    json list = {
        {"kind", "ConfigMapList"},
        {"metadata",
         {{"resourceVersion", second ? "200" : "100"}, {"continue", second ? "" : "page2"}}},
        {"items", json::array({{{"metadata", {{"name", second ? "c" : "a"}}}}})}};
    if (!second) list["items"].push_back({{"metadata", {{"name", "b"}}}});
    return FakeTransport::Json(200, list.dump());
  });
  ListOptions options;
  options.ns = "team";
  options.label_selector = "app in (a,b),tier!=db";
  options.limit = 2;
  ListResult result = cluster.client->List("v1", "ConfigMap", options);
  ASSERT_EQ(result.items.size(), 3u);
  EXPECT_EQ(result.items[2]["metadata"]["name"], "c");
  EXPECT_EQ(result.items[0]["kind"], "ConfigMap");
  EXPECT_EQ(result.items[0]["apiVersion"], "v1");
  EXPECT_EQ(result.resource_version, "100");
  EXPECT_TRUE(result.continue_token.empty());
  auto requests = cluster.ApiRequests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].url,
            "https://fake.invalid/api/v1/namespaces/team/configmaps"
            "?labelSelector=app%20in%20%28a%2Cb%29%2Ctier%21%3Ddb&limit=2");
  EXPECT_NE(requests[1].url.find("&limit=2&continue=page2"), std::string::npos);
}

TEST_F(KubeClientTest, ListOnePageReturnsTheContinueToken) {
  Answer([](const HttpRequest&) {
    return FakeTransport::Json(
        200, R"({"metadata":{"resourceVersion":"5","continue":"next"},"items":[]})");
  });
  ListOptions options;
  options.limit = 1;
  options.all_pages = false;
  options.field_selector = "metadata.name=x";
  ListResult result = cluster.client->List("v1", "ConfigMap", options);
  EXPECT_EQ(result.continue_token, "next");
  EXPECT_EQ(Last().url,
            "https://fake.invalid/api/v1/configmaps?fieldSelector=metadata.name%3Dx&limit=1");
}

TEST_F(KubeClientTest, ListFromTheWatchCacheSendsResourceVersionOnItsFirstPageOnly) {
  Answer([](const HttpRequest& r) {
    bool second = r.url.find("continue=") != std::string::npos;
    json list = {{"metadata", {{"resourceVersion", "7"}}}, {"items", json::array()}};
    if (!second) list["metadata"]["continue"] = "page2";
    return FakeTransport::Json(200, list.dump());
  });
  ListOptions options;
  options.resource_version = "0";
  options.limit = 5;
  cluster.client->List("v1", "ConfigMap", options);
  auto requests = cluster.ApiRequests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].url, "https://fake.invalid/api/v1/configmaps?limit=5&resourceVersion=0");
  // A continue token already names the list's version; the server refuses both at once.
  EXPECT_EQ(requests[1].url.find("resourceVersion"), std::string::npos) << requests[1].url;
}

TEST_F(KubeClientTest, ExpiredContinueTokenRestartsTheListOnce) {
  auto calls = std::make_shared<std::atomic<int>>(0);
  Answer([calls](const HttpRequest& r) {
    int n = (*calls)++;
    if (r.url.find("continue=") != std::string::npos && n == 1) {
      return FakeTransport::Status(410, "Expired", "The provided continue parameter is too old");
    }
    bool second = r.url.find("continue=") != std::string::npos;
    json list = {{"metadata", {{"resourceVersion", "9"}, {"continue", second ? "" : "more"}}},
                 {"items", json::array({{{"metadata", {{"name", second ? "b" : "a"}}}}})}};
    return FakeTransport::Json(200, list.dump());
  });
  ListOptions options;
  options.limit = 1;
  ListResult result = cluster.client->List("v1", "ConfigMap", options);
  ASSERT_EQ(result.items.size(), 2u);  // a fresh, consistent listing, not a+a+b
  EXPECT_EQ(result.items[1]["metadata"]["name"], "b");
  EXPECT_EQ(cluster.ApiRequests().size(), 4u);
}

TEST_F(KubeClientTest, ApplyWithResultReportsCreationAndWarnings) {
  Answer([](const HttpRequest& r) {
    HttpResponse response = FakeTransport::Json(201, r.body);
    response.headers["warning"] = "299 - \"deprecated\"";
    return response;
  });
  ApplyResult result = cluster.client->ApplyWithResult(ConfigMap("cm"));
  EXPECT_TRUE(result.created);
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_NE(result.warnings[0].find("deprecated"), std::string::npos);
}

TEST_F(KubeClientTest, NonJsonSuccessIsABadResponse) {
  Answer([](const HttpRequest&) {
    HttpResponse r;
    r.status = 200;
    r.body = "<html>proxy</html>";
    return r;
  });
  EXPECT_THROW(cluster.client->Get({"v1", "ConfigMap", "ns", "x"}), ServerError);
}

TEST_F(KubeClientTest, DeleteSendsDeleteOptions) {
  Answer([](const HttpRequest&) {
    return FakeTransport::Json(200, R"({"kind":"Status","status":"Success"})");
  });
  DeleteOptions options;
  options.propagation_policy = "Foreground";
  options.precondition_uid = "uid-1";
  options.precondition_resource_version = "42";
  options.grace_period_seconds = 0;
  options.dry_run = true;
  DeleteResult result = cluster.client->Delete({"apps/v1", "Deployment", "apps", "web"}, options);
  EXPECT_TRUE(result.found);
  HttpRequest r = Last();
  EXPECT_EQ(r.method, "DELETE");
  EXPECT_EQ(r.url, "https://fake.invalid/apis/apps/v1/namespaces/apps/deployments/web");
  json body = json::parse(r.body);
  EXPECT_EQ(body["propagationPolicy"], "Foreground");
  EXPECT_EQ(body["preconditions"]["uid"], "uid-1");
  EXPECT_EQ(body["preconditions"]["resourceVersion"], "42");
  EXPECT_EQ(body["gracePeriodSeconds"], 0);
  EXPECT_EQ(body["dryRun"], json::array({"All"}));
}

TEST_F(KubeClientTest, DeleteOfAMissingObject) {
  Answer([](const HttpRequest&) { return FakeTransport::Status(404, "NotFound", "gone"); });
  EXPECT_THROW(cluster.client->Delete({"v1", "ConfigMap", "", "x"}), NotFound);
  DeleteOptions options;
  options.ignore_not_found = true;
  EXPECT_FALSE(cluster.client->Delete({"v1", "ConfigMap", "", "x"}, options).found);
}

TEST_F(KubeClientTest, CreateTokenPostsATokenRequest) {
  Answer([](const HttpRequest&) {
    return FakeTransport::Json(
        201,
        R"({"kind":"TokenRequest","status":{"token":"abc","expirationTimestamp":"2026-01-01T01:00:00Z"}})");
  });
  TokenRequestOptions options;
  options.audiences = {"istio-ca"};
  options.expiration_seconds = 7200;
  ServiceAccountToken token = cluster.client->CreateToken("istio-system", "reader", options);
  EXPECT_EQ(token.token, "abc");
  EXPECT_EQ(std::chrono::system_clock::to_time_t(token.expiration), 1767229200);
  HttpRequest r = Last();
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url,
            "https://fake.invalid/api/v1/namespaces/istio-system/serviceaccounts/reader/token");
  json body = json::parse(r.body);
  EXPECT_EQ(body["kind"], "TokenRequest");
  EXPECT_EQ(body["spec"]["audiences"], json::array({"istio-ca"}));
  EXPECT_EQ(body["spec"]["expirationSeconds"], 7200);
}

TEST_F(KubeClientTest, GetUsesTheContextNamespaceByDefault) {
  Answer([](const HttpRequest&) { return FakeTransport::Json(200, "{}"); });
  cluster.client->Get({"v1", "Secret", "", "s"});
  EXPECT_EQ(Last().url, "https://fake.invalid/api/v1/namespaces/default/secrets/s");
}

TEST_F(KubeClientTest, ConcurrentCallsFromManyThreads) {
  Answer([](const HttpRequest& r) {
    return FakeTransport::Json(
        200, R"({"metadata":{"name":")" + r.url.substr(r.url.rfind('/') + 1) + "\"}}");
  });
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        std::string name = "cm" + std::to_string(t) + "-" + std::to_string(i);
        if (cluster.client->Get({"v1", "ConfigMap", "ns", name})["metadata"]["name"] == name) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, 800);
  EXPECT_EQ(cluster.transport->RequestCount(), 801u);  // one discovery request
}

}  // namespace
}  // namespace meshform::kube
