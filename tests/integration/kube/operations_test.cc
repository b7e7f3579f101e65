// Proves every Client operation against a real kube-apiserver: server-side apply (create,
// update, dry run, field manager, force), get, list (label and field selectors, pagination with
// a consistent resourceVersion), create, replace, delete (dry run, preconditions, propagation),
// the status subresource, TokenRequest, the raw escape hatch, and HTTP/2 connection use.
#include <gtest/gtest.h>

#include <thread>

#include "engine/kube/curl_transport.h"
#include "tests/integration/kube/cluster_env.h"

namespace meshform::kube {
namespace {

using namespace testing;

struct KubeOperationsTest : ::testing::Test {
  std::unique_ptr<Client> client = AdminClient(Context(0));
  ScratchNamespace ns{*client, "ops"};
};

TEST_F(KubeOperationsTest, ApplyCreatesThenUpdatesAndGetReadsIt) {
  json created = client->Apply(ConfigMap(ns.name(), "cm", {{"a", "1"}}));
  EXPECT_EQ(created["data"]["a"], "1");
  EXPECT_EQ(created["metadata"]["managedFields"][0]["manager"], "meshform");
  json updated = client->Apply(ConfigMap(ns.name(), "cm", {{"a", "2"}, {"b", "3"}}));
  EXPECT_EQ(updated["data"]["b"], "3");
  EXPECT_EQ(updated["metadata"]["uid"], created["metadata"]["uid"]);
  json read = client->Get({"v1", "ConfigMap", ns.name(), "cm"});
  EXPECT_EQ(read["data"]["a"], "2");
  EXPECT_EQ(read["metadata"]["resourceVersion"], updated["metadata"]["resourceVersion"]);
  EXPECT_FALSE(client->GetIfExists({"v1", "ConfigMap", ns.name(), "missing"}).has_value());
}

TEST_F(KubeOperationsTest, ApplyWithResultTellsCreatedFromUpdated) {
  EXPECT_TRUE(client->ApplyWithResult(ConfigMap(ns.name(), "fresh", {{"a", "1"}})).created);
  ApplyResult again = client->ApplyWithResult(ConfigMap(ns.name(), "fresh", {{"a", "2"}}));
  EXPECT_FALSE(again.created);
  EXPECT_EQ(again.object["data"]["a"], "2");
}

TEST_F(KubeOperationsTest, DryRunApplyPersistsNothing) {
  ApplyOptions dry;
  dry.dry_run = true;
  json result = client->Apply(ConfigMap(ns.name(), "dry", {{"a", "1"}}), dry);
  EXPECT_EQ(result["data"]["a"], "1");
  EXPECT_FALSE(client->GetIfExists({"v1", "ConfigMap", ns.name(), "dry"}).has_value());
}

TEST_F(KubeOperationsTest, ApplyConflictWithAnotherManagerAndForce) {
  client->Apply(ConfigMap(ns.name(), "shared", {{"k", "mine"}}));
  ApplyOptions other;
  other.field_manager = "someone-else";
  try {
    client->Apply(ConfigMap(ns.name(), "shared", {{"k", "theirs"}}), other);
    FAIL() << "expected Conflict";
  } catch (const Conflict& e) {
    EXPECT_EQ(e.code(), 409);
    ASSERT_FALSE(e.causes().empty());
    EXPECT_EQ(e.causes()[0].reason, "FieldManagerConflict");
    EXPECT_EQ(e.causes()[0].field, ".data.k");
    EXPECT_NE(e.causes()[0].message.find("meshform"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("apply ConfigMap " + ns.name() + "/shared"),
              std::string::npos);
  }
  other.force = true;
  json forced = client->Apply(ConfigMap(ns.name(), "shared", {{"k", "theirs"}}), other);
  EXPECT_EQ(forced["data"]["k"], "theirs");
}

TEST_F(KubeOperationsTest, ListWithSelectorsAndPagination) {
  for (int i = 0; i < 7; ++i) {
    client->Apply(ConfigMap(ns.name(), "item-" + std::to_string(i), {{"i", std::to_string(i)}},
                            {{"group", i % 2 == 0 ? "even" : "odd"}}));
  }
  ListOptions options;
  options.ns = ns.name();
  options.label_selector = "group=even";
  EXPECT_EQ(client->List("v1", "ConfigMap", options).items.size(), 4u);
  options.label_selector = "group in (even,odd)";
  options.limit = 2;
  ListResult all = client->List("v1", "ConfigMap", options);
  EXPECT_EQ(all.items.size(), 7u);
  EXPECT_FALSE(all.resource_version.empty());
  EXPECT_EQ(all.items[0]["kind"], "ConfigMap");
  options.all_pages = false;
  ListResult page = client->List("v1", "ConfigMap", options);
  EXPECT_EQ(page.items.size(), 2u);
  EXPECT_FALSE(page.continue_token.empty());
  options.continue_token = page.continue_token;
  ListResult next = client->List("v1", "ConfigMap", options);
  EXPECT_EQ(next.items.size(), 2u);
  EXPECT_NE(next.items[0]["metadata"]["name"], page.items[0]["metadata"]["name"]);
  ListOptions by_name;
  by_name.ns = ns.name();
  by_name.field_selector = "metadata.name=item-3";
  ListResult one = client->List("v1", "ConfigMap", by_name);
  ASSERT_EQ(one.items.size(), 1u);
  EXPECT_EQ(one.items[0]["data"]["i"], "3");
}

TEST_F(KubeOperationsTest, CreateReplaceAndStaleResourceVersion) {
  json created = client->Create(ConfigMap(ns.name(), "plain", {{"a", "1"}}));
  EXPECT_THROW(client->Create(ConfigMap(ns.name(), "plain", {{"a", "1"}})), AlreadyExists);
  json changed = created;
  changed["data"]["a"] = "2";
  json replaced = client->Replace(changed);
  EXPECT_EQ(replaced["data"]["a"], "2");
  changed["data"]["a"] = "3";  // still carries the first resourceVersion
  try {
    client->Replace(changed);
    FAIL() << "expected Conflict";
  } catch (const Conflict& e) {
    EXPECT_NE(e.server_message().find("the object has been modified"), std::string::npos);
  }
}

TEST_F(KubeOperationsTest, DeleteWithDryRunPreconditionsAndPropagation) {
  json cm = client->Apply(ConfigMap(ns.name(), "doomed", {{"a", "1"}}));
  ObjectRef ref{"v1", "ConfigMap", ns.name(), "doomed"};
  DeleteOptions dry;
  dry.dry_run = true;
  client->Delete(ref, dry);
  EXPECT_TRUE(client->GetIfExists(ref).has_value());
  DeleteOptions wrong_uid;
  wrong_uid.precondition_uid = "00000000-0000-0000-0000-000000000000";
  try {
    client->Delete(ref, wrong_uid);
    FAIL() << "expected Conflict";
  } catch (const Conflict& e) {
    EXPECT_NE(e.server_message().find("precondition"), std::string::npos) << e.what();
  }
  DeleteOptions right;
  right.precondition_uid = cm["metadata"]["uid"].get<std::string>();
  right.precondition_resource_version = cm["metadata"]["resourceVersion"].get<std::string>();
  right.propagation_policy = "Background";
  EXPECT_TRUE(client->Delete(ref, right).found);
  EXPECT_FALSE(client->GetIfExists(ref).has_value());
  EXPECT_THROW(client->Delete(ref), NotFound);
}

TEST_F(KubeOperationsTest, ForegroundDeletionOfADeploymentLeavesItTerminating) {
  json deploy = {
      {"apiVersion", "apps/v1"},
      {"kind", "Deployment"},
      {"metadata", {{"name", "web"}, {"namespace", ns.name()}}},
      {"spec",
       {{"replicas", 1},
        {"selector", {{"matchLabels", {{"app", "web"}}}}},
        {"template",
         {{"metadata", {{"labels", {{"app", "web"}}}}},
          {"spec", {{"containers", json::array({{{"name", "c"}, {"image", "busybox"}}})}}}}}}}};
  client->Apply(deploy);
  DeleteOptions fg;
  fg.propagation_policy = "Foreground";
  DeleteResult result = client->Delete({"apps/v1", "Deployment", ns.name(), "web"}, fg);
  // Foreground deletion answers with the object, marked for deletion with the finalizer.
  EXPECT_TRUE(result.response["metadata"].contains("deletionTimestamp")) << result.response.dump();
  EXPECT_EQ(result.response["metadata"]["finalizers"], json::array({"foregroundDeletion"}));
}

TEST_F(KubeOperationsTest, StatusSubresourceIsWrittenSeparately) {
  json deploy = {
      {"apiVersion", "apps/v1"},
      {"kind", "Deployment"},
      {"metadata", {{"name", "api"}, {"namespace", ns.name()}}},
      {"spec",
       {{"replicas", 2},
        {"selector", {{"matchLabels", {{"app", "api"}}}}},
        {"template",
         {{"metadata", {{"labels", {{"app", "api"}}}}},
          {"spec", {{"containers", json::array({{{"name", "c"}, {"image", "busybox"}}})}}}}}}}};
  client->Apply(deploy);
  json status = {{"apiVersion", "apps/v1"},
                 {"kind", "Deployment"},
                 {"metadata", {{"name", "api"}, {"namespace", ns.name()}}},
                 {"status",
                  {{"replicas", 2},
                   {"readyReplicas", 2},
                   {"availableReplicas", 2},
                   {"updatedReplicas", 2},
                   {"observedGeneration", 1}}}};
  ApplyOptions as_kubelet;
  as_kubelet.field_manager = "test-status-writer";
  as_kubelet.force = true;
  // The deployment controller writes this status too, so only the direct answers are checked.
  json written = client->ApplyStatus(status, as_kubelet);
  EXPECT_EQ(written["status"]["readyReplicas"], 2);
  EXPECT_EQ(written["spec"]["replicas"], 2);
  bool has_manager = false;
  for (const auto& m : written["metadata"]["managedFields"]) {
    has_manager |= m["manager"] == "test-status-writer";
  }
  EXPECT_TRUE(has_manager);
  // PUT of the status: read, change, write; a concurrent controller write means read again.
  json replaced;
  for (int i = 0; i < 20 && replaced.is_null(); ++i) {
    json read = client->Get({"apps/v1", "Deployment", ns.name(), "api"});
    for (const char* field :
         {"replicas", "readyReplicas", "availableReplicas", "updatedReplicas"}) {
      read["status"][field] = 1;  // consistent whatever the controller wrote before
    }
    try {
      replaced = client->ReplaceStatus(read);
    } catch (const Conflict&) {
    }
  }
  ASSERT_FALSE(replaced.is_null());
  EXPECT_EQ(replaced["status"]["readyReplicas"], 1);
}

TEST_F(KubeOperationsTest, TokenRequestForAServiceAccount) {
  client->Apply({{"apiVersion", "v1"},
                 {"kind", "ServiceAccount"},
                 {"metadata", {{"name", "reader"}, {"namespace", ns.name()}}}});
  TokenRequestOptions options;
  options.expiration_seconds = 600;
  auto before = std::chrono::system_clock::now();
  ServiceAccountToken token = client->CreateToken(ns.name(), "reader", options);
  EXPECT_EQ(token.token.rfind("eyJ", 0), 0u);  // a JWT
  EXPECT_GT(token.expiration, before + std::chrono::minutes(9));
  EXPECT_LT(token.expiration, before + std::chrono::minutes(11));
  options.expiration_seconds = 60;  // below the 10 minute minimum
  try {
    client->CreateToken(ns.name(), "reader", options);
    FAIL() << "expected Invalid";
  } catch (const Invalid& e) {
    EXPECT_NE(std::string(e.what()).find("10 minutes"), std::string::npos) << e.what();
  }
}

TEST_F(KubeOperationsTest, RawRequestAndHttp2) {
  HttpResponse version = client->Raw({"GET", "/version", "", "", {}, {}});
  EXPECT_EQ(json::parse(version.body)["gitVersion"].get<std::string>().rfind("v1.20", 0), 0u);
  EXPECT_EQ(version.http_version, "2");  // ALPN picked HTTP/2
}

// `threads` threads, each sending `each` GET /version through `client`.
void GetVersionConcurrently(Client& client, int threads, int each) {
  std::vector<std::thread> running;
  for (int t = 0; t < threads; ++t) {
    running.emplace_back([&] {
      for (int i = 0; i < each; ++i) client.Raw({"GET", "/version", "", "", {}, {}});
    });
  }
  for (auto& t : running) t.join();
}

TEST(KubeTransportTest, ConnectionsAreReusedAcrossRequestsAndThreads) {
  auto transport = std::make_shared<CurlTransport>();
  ClientOptions options;
  options.transport = transport;
  auto client = AdminClient(Context(0), options);
  for (int i = 0; i < 20; ++i) client->Raw({"GET", "/version", "", "", {}, {}});
  EXPECT_EQ(transport->stats().requests, 20);
  EXPECT_EQ(transport->stats().new_connections, 1);
  GetVersionConcurrently(*client, 4, 25);
  EXPECT_EQ(transport->stats().requests, 120);
  // At most one connection per thread in flight at once; never one per request.
  EXPECT_LE(transport->stats().new_connections, 4);
}

TEST(KubeTransportTest, MultiplexedRequestsShareOneHttp2Connection) {
  auto transport = std::make_shared<CurlTransport>(CurlTransport::Mode::kMultiplexed);
  ClientOptions options;
  options.transport = transport;
  auto client = AdminClient(Context(0), options);
  client->Raw({"GET", "/version", "", "", {}, {}});  // the connection, and its ALPN answer
  GetVersionConcurrently(*client, 16, 10);
  EXPECT_EQ(transport->stats().requests, 161);
  // 16 requests in flight at once are streams of the one connection (the blocking mode opens
  // up to one per thread).
  EXPECT_EQ(transport->stats().new_connections, 1);
}

TEST_F(KubeOperationsTest, ClusterScopedKindsIgnoreNamespaces) {
  json role = {
      {"apiVersion", "rbac.authorization.k8s.io/v1"},
      {"kind", "ClusterRole"},
      {"metadata", {{"name", ns.name() + "-viewer"}}},
      {"rules",
       json::array({{{"apiGroups", {""}}, {"resources", {"configmaps"}}, {"verbs", {"get"}}}})}};
  client->Apply(role);
  EXPECT_FALSE(client->Mapping("rbac.authorization.k8s.io/v1", "ClusterRole").namespaced);
  EXPECT_EQ(client->Get({"rbac.authorization.k8s.io/v1", "ClusterRole", "ignored",
                         ns.name() + "-viewer"})["metadata"]["name"],
            ns.name() + "-viewer");
  client->Delete({"rbac.authorization.k8s.io/v1", "ClusterRole", "", ns.name() + "-viewer"});
}

}  // namespace
}  // namespace meshform::kube
