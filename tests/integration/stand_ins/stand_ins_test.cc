// Proves the local stand-ins that tools/local-clusters starts with the clusters: with them, a
// Deployment becomes available through the real ReplicaSet and Deployment controllers (its
// pods Running and Ready on 127.0.0.0/8), also after a scale-up, and LoadBalancer Services get
// addresses on 127.0.0.0/8, distinct per service and per cluster — all seen through the waits.
#include <gtest/gtest.h>

#include <set>

#include "engine/readiness/waits.h"
#include "tests/support/clusters.h"

namespace meshform::readiness {
namespace {

using meshform::testing::TestContexts;
using meshform::testing::TestKubeconfig;
using meshform::testing::UniqueName;
using nlohmann::json;

WaitOptions Options() {
  WaitOptions options;
  options.timeout = std::chrono::seconds(60);
  return options;
}

class StandIns : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const std::string& context : TestContexts(2)) {
      clients.push_back(kube::Client::ForContext(context, TestKubeconfig()));
    }
    ns = UniqueName("stand-ins");
    for (auto& client : clients) {
      client->Apply({{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", ns}}}});
    }
  }
  void TearDown() override {
    kube::DeleteOptions options;
    options.ignore_not_found = true;
    for (auto& client : clients) client->Delete({"v1", "Namespace", "", ns}, options);
  }
  json Deployment(int replicas) {
    json labels = {{"app", "hello"}};
    return {
        {"apiVersion", "apps/v1"},
        {"kind", "Deployment"},
        {"metadata", {{"name", "hello"}, {"namespace", ns}}},
        {"spec",
         {{"replicas", replicas},
          {"selector", {{"matchLabels", labels}}},
          {"template",
           {{"metadata", {{"labels", labels}}},
            {"spec",
             {{"containers",
               {{{"name", "hello"}, {"image", "docker.io/istio/examples-helloworld-v1"}}}}}}}}}}};
  }
  json LoadBalancer(const std::string& name) {
    return {{"apiVersion", "v1"},
            {"kind", "Service"},
            {"metadata", {{"name", name}, {"namespace", ns}}},
            {"spec",
             {{"type", "LoadBalancer"},
              {"selector", {{"app", "hello"}}},
              {"ports",
               {{{"name", "tls"}, {"port", 443}, {"protocol", "TCP"}, {"targetPort", 8443}}}}}}};
  }

  std::vector<std::unique_ptr<kube::Client>> clients;
  std::string ns;
};

bool OnLoopback(const std::string& address) { return address.rfind("127.", 0) == 0; }

TEST_F(StandIns, DeploymentBecomesAvailableThroughItsPods) {
  kube::Client& client = *clients[0];
  json live = WaitUntilReady(client, client.Apply(Deployment(2)), Options());
  EXPECT_EQ(live["status"]["availableReplicas"], 2);
  kube::ListOptions pods;
  pods.ns = ns;
  pods.label_selector = "app=hello";
  auto items = client.List("v1", "Pod", pods).items;
  ASSERT_EQ(items.size(), 2u);
  for (const json& pod : items) {
    EXPECT_EQ(pod["status"]["phase"], "Running");
    EXPECT_TRUE(OnLoopback(pod["status"].value("podIP", ""))) << pod["status"].dump();
    EXPECT_TRUE(pod["status"]["containerStatuses"][0]["ready"].get<bool>());
  }
}

TEST_F(StandIns, ScaledUpDeploymentBecomesAvailableAgain) {
  kube::Client& client = *clients[0];
  WaitUntilReady(client, client.Apply(Deployment(1)), Options());
  json live = WaitUntilReady(client, client.Apply(Deployment(3)), Options());
  EXPECT_EQ(live["status"]["availableReplicas"], 3);
  EXPECT_EQ(live["status"]["observedGeneration"], live["metadata"]["generation"]);
}

TEST_F(StandIns, LoadBalancerServicesGetDistinctLoopbackAddresses) {
  std::set<std::string> addresses;
  for (auto& client : clients) {
    for (const char* name : {"gateway-a", "gateway-b"}) {
      json live = WaitUntilReady(*client, client->Apply(LoadBalancer(name)), Options());
      std::string address = live["status"]["loadBalancer"]["ingress"][0].value("ip", "");
      EXPECT_TRUE(OnLoopback(address)) << address;
      EXPECT_TRUE(addresses.insert(address).second) << address << " given twice";
    }
  }
  EXPECT_EQ(addresses.size(), 2 * clients.size());
}

}  // namespace
}  // namespace meshform::readiness
