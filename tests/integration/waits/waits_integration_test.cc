// Proves the waits against the real local clusters (kube-apiserver + controller-manager):
// a Namespace becomes Active and, deleted, gone; a CRD becomes Established and its custom
// objects can be created right after; a service-account token Secret gets its token from the
// token controller; a wait that cannot finish times out naming the object.
#include <gtest/gtest.h>

#include <atomic>
#include <iostream>
#include <thread>

#include "engine/readiness/waits.h"
#include "tests/support/clusters.h"

namespace meshform::readiness {
namespace {

using meshform::testing::TestContexts;
using meshform::testing::TestKubeconfig;
using meshform::testing::UniqueName;
using nlohmann::json;
using std::chrono::seconds;

class WaitsOnClusters : public ::testing::Test {
 protected:
  void SetUp() override { client = kube::Client::ForContext(TestContexts(1)[0], TestKubeconfig()); }
  void TearDown() override {
    for (const kube::ObjectRef& ref : cleanup) {
      kube::DeleteOptions options;
      options.ignore_not_found = true;
      client->Delete(ref, options);
    }
  }
  json MakeNamespace() {
    std::string name = UniqueName("waits");
    json ns = {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}};
    client->Apply(ns);
    cleanup.push_back({"v1", "Namespace", "", name});
    return ns;
  }
  WaitOptions Options(seconds timeout = seconds(60)) {
    WaitOptions options;
    options.timeout = timeout;
    return options;
  }

  std::unique_ptr<kube::Client> client;
  std::vector<kube::ObjectRef> cleanup;
};

TEST_F(WaitsOnClusters, NamespaceBecomesActiveThenGone) {
  json ns = MakeNamespace();
  json live = WaitUntilReady(*client, ns, Options());
  EXPECT_EQ(live["status"]["phase"], "Active");
  std::string uid = live["metadata"]["uid"];
  kube::ObjectRef ref = kube::RefOf(ns);
  client->Delete(ref);
  WaitUntilGone(*client, ref, uid, Options());
  EXPECT_FALSE(client->GetIfExists(ref).has_value());
}

TEST_F(WaitsOnClusters, CrdBecomesEstablishedAndServesItsKind) {
  std::string plural = "w" + UniqueName("idgets").substr(0, 20);
  for (char& c : plural) c = c == '-' ? 'x' : c;
  std::string group = "waits.meshform.io";
  json crd = {
      {"apiVersion", "apiextensions.k8s.io/v1"},
      {"kind", "CustomResourceDefinition"},
      {"metadata", {{"name", plural + "." + group}}},
      {"spec",
       {{"group", group},
        {"scope", "Namespaced"},
        {"names", {{"plural", plural}, {"singular", plural + "s"}, {"kind", "Widget" + plural}}},
        {"versions",
         {{{"name", "v1"},
           {"served", true},
           {"storage", true},
           {"schema",
            {{"openAPIV3Schema",
              {{"type", "object"}, {"x-kubernetes-preserve-unknown-fields", true}}}}}}}}}}};
  client->Apply(crd);
  cleanup.push_back(kube::RefOf(crd));
  json live = WaitUntilReady(*client, crd, Options());
  bool established = false;
  for (const json& c : live["status"]["conditions"]) {
    established |= c["type"] == "Established" && c["status"] == "True";
  }
  EXPECT_TRUE(established);
  json ns = MakeNamespace();
  json widget = {{"apiVersion", group + "/v1"},
                 {"kind", "Widget" + plural},
                 {"metadata", {{"name", "w1"}, {"namespace", ns["metadata"]["name"]}}}};
  EXPECT_NO_THROW(client->Apply(widget));
}

TEST_F(WaitsOnClusters, TokenSecretGetsItsToken) {
  json ns = MakeNamespace();
  std::string name = ns["metadata"]["name"];
  WaitUntilReady(*client, ns, Options());
  client->Apply({{"apiVersion", "v1"},
                 {"kind", "ServiceAccount"},
                 {"metadata", {{"name", "reader"}, {"namespace", name}}}});
  json secret = {{"apiVersion", "v1"},
                 {"kind", "Secret"},
                 {"type", "kubernetes.io/service-account-token"},
                 {"metadata",
                  {{"name", "reader-token"},
                   {"namespace", name},
                   {"annotations", {{"kubernetes.io/service-account.name", "reader"}}}}}};
  json applied = client->Apply(secret);
  json live = WaitUntilReady(*client, applied, Options());
  ASSERT_TRUE(live["data"].contains("token"));
  EXPECT_FALSE(live["data"]["token"].get<std::string>().empty());
}

TEST_F(WaitsOnClusters, AnObjectHeldByAFinalizerTimesOut) {
  json ns = MakeNamespace();
  json config_map = {{"apiVersion", "v1"},
                     {"kind", "ConfigMap"},
                     {"metadata",
                      {{"name", "held"},
                       {"namespace", ns["metadata"]["name"]},
                       {"finalizers", {"waits.meshform.io/hold"}}}}};
  json live = client->Apply(config_map);
  kube::ObjectRef ref = kube::RefOf(config_map);
  client->Delete(ref);
  try {
    WaitUntilGone(*client, ref, live["metadata"]["uid"], Options(seconds(2)));
    ADD_FAILURE() << "expected a timeout";
  } catch (const WaitTimeout& timeout) {
    std::string message = timeout.what();
    EXPECT_NE(message.find("ConfigMap " + ns["metadata"]["name"].get<std::string>() + "/held"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("terminating, finalizers [\"waits.meshform.io/hold\"]"),
              std::string::npos)
        << message;
  }
  config_map["metadata"]["finalizers"] = json::array();
  client->Apply(config_map);
  WaitUntilGone(*client, ref, live["metadata"]["uid"], Options());
}

// Issue 13: 40 Deployments waited for at once through shared LISTs on a real server (the pod
// stand-in makes them available): every wait ends with its Deployment available, and the LISTs
// sent are bounded by polling rounds (one group: one cluster, kind and namespace), not by the
// objects: far fewer than one per object.
TEST_F(WaitsOnClusters, ManyDeploymentsAreObservedThroughSharedLists) {
  json ns = MakeNamespace();
  const std::string name = ns["metadata"]["name"];
  const int count = 40;
  std::vector<json> deployments;
  for (int i = 0; i < count; ++i) {
    std::string app = "web" + std::to_string(i);
    json d = json::parse(R"({"apiVersion": "apps/v1", "kind": "Deployment", "spec": {"replicas": 1,
        "template": {"spec": {"containers": [{"name": "c", "image": "example/web:1"}]}}}})");
    d["metadata"] = {{"name", app}, {"namespace", name}};
    d["spec"]["selector"]["matchLabels"]["app"] = app;
    d["spec"]["template"]["metadata"]["labels"]["app"] = app;
    client->Apply(d);
    deployments.push_back(d);
  }
  SharedLists lists;
  WaitOptions options = Options(seconds(120));
  options.shared_lists = &lists;
  std::vector<std::thread> threads;
  std::atomic<int> available{0};
  for (const json& d : deployments) {
    threads.emplace_back([&, d] {
      json live = WaitUntilReady(*client, d, options);
      if (live["status"].value("availableReplicas", 0) >= 1) ++available;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(available.load(), count);
  // Alone, each of the 40 waits would send a GET per poll (200 ms growing to 2 s). Shared, one
  // LIST per round serves all of them.
  EXPECT_LT(lists.lists_sent(), static_cast<size_t>(count)) << lists.lists_sent() << " LISTs";
  EXPECT_GE(lists.lists_sent(), 1u);
  std::cout << count << " waits, " << lists.lists_sent() << " LISTs\n";
}

}  // namespace
}  // namespace meshform::readiness
