// The seed's end-state expectations (see end_state_support.h).
#include "tests/integration/apply/end_state_support.h"

#include "engine/readiness/waits.h"
#include "tests/support/clusters.h"

namespace meshform::testing {

using nlohmann::json;

constexpr const char* kImage = "docker.io/istio/examples-helloworld-";

void EndStateTest::SetUp() {
  auto contexts = TestContexts(2);
  ASSERT_EQ(contexts[0], "beijing");  // the examples' topologies name their contexts so
  ASSERT_EQ(contexts[1], "shanghai");
  for (const auto& c : contexts) clients_[c] = kube::Client::ForContext(c, TestKubeconfig());
}

json EndStateTest::Available(const std::string& cluster, const std::string& name) {
  readiness::WaitOptions options;
  options.timeout = std::chrono::seconds(120);
  json ref = {{"apiVersion", "apps/v1"},
              {"kind", "Deployment"},
              {"metadata", {{"name", name}, {"namespace", "sample"}}}};
  return readiness::WaitUntilReady(In(cluster), ref, options);
}

json EndStateTest::ExpectHelloworld(const std::string& cluster, const std::string& version) {
  SCOPED_TRACE(cluster);
  json d = Available(cluster, "helloworld");
  EXPECT_EQ(d["spec"]["template"]["spec"]["containers"][0]["image"], kImage + version);
  EXPECT_EQ(d["metadata"]["labels"]["version"], version);
  EXPECT_EQ(d["spec"]["template"]["metadata"]["labels"]["version"], version);
  EXPECT_EQ(d["spec"]["selector"]["matchLabels"]["version"], version);
  return d;
}

void EndStateTest::ExpectSleepAndServices() {
  for (const char* cluster : {"beijing", "shanghai"}) {
    SCOPED_TRACE(cluster);
    json sleep = Available(cluster, "sleep");
    EXPECT_EQ(sleep["spec"]["template"]["spec"]["containers"][0]["image"], "curlimages/curl");
    auto service = In(cluster).GetIfExists({"v1", "Service", "sample", "helloworld"});
    ASSERT_TRUE(service.has_value());
    EXPECT_EQ(service->at("spec").at("ports").at(0).at("port"), 5000);
  }
}

}  // namespace meshform::testing
