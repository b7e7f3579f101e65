// Proves WaitUntilReady and WaitUntilGone against a fake API server and a fake clock: they
// poll until the rule is met, skip requests when they can, back off, report progress, and
// time out or fail with messages that name the object, the rule, the time and the status.
#include "engine/readiness/waits.h"

#include <gtest/gtest.h>

#include "tests/unit/waits/fake_cluster.h"

namespace meshform::readiness {
namespace {

using meshform::testing::FakeCluster;
using nlohmann::json;
using std::chrono::milliseconds;
using std::chrono::seconds;

const char* kNamespacePath = "/api/v1/namespaces/team";
const char* kDeploymentPath = "/apis/apps/v1/namespaces/team/deployments/web";

json NamespaceWithPhase(const std::string& phase) {
  json ns = {{"apiVersion", "v1"},
             {"kind", "Namespace"},
             {"metadata", {{"name", "team"}, {"resourceVersion", "5"}, {"uid", "u1"}}}};
  if (!phase.empty()) ns["status"]["phase"] = phase;
  return ns;
}

json Desired(const std::string& api_version, const std::string& kind, const std::string& name,
             const std::string& ns = "") {
  json object = {{"apiVersion", api_version}, {"kind", kind}, {"metadata", {{"name", name}}}};
  if (!ns.empty()) object["metadata"]["namespace"] = ns;
  return object;
}

json StuckDeployment() {
  json d = Desired("apps/v1", "Deployment", "web", "team");
  d["metadata"]["generation"] = 1;
  d["metadata"]["resourceVersion"] = "9";
  d["spec"]["replicas"] = 2;
  d["status"] = {
      {"observedGeneration", 1}, {"replicas", 2}, {"updatedReplicas", 2}, {"availableReplicas", 0}};
  return d;
}

class WaitsTest : public ::testing::Test {
 protected:
  WaitOptions Options(milliseconds timeout = seconds(30)) {
    WaitOptions options;
    options.timeout = timeout;
    options.clock = &cluster.clock();
    return options;
  }
  FakeCluster cluster;
};

TEST_F(WaitsTest, PollsUntilTheNamespaceIsActive) {
  cluster.ScriptObjects(kNamespacePath, {NamespaceWithPhase(""), NamespaceWithPhase(""),
                                         NamespaceWithPhase("Active")});
  json live = WaitUntilReady(cluster.client(), Desired("v1", "Namespace", "team"), Options());
  EXPECT_EQ(live["status"]["phase"], "Active");
  EXPECT_EQ(cluster.RequestsTo(kNamespacePath), 3);
}

TEST_F(WaitsTest, IntervalsGrowUpToTheMaximum) {
  cluster.ScriptObjects(kNamespacePath, {NamespaceWithPhase("")});
  WaitOptions options = Options(seconds(20));
  EXPECT_THROW(WaitUntilReady(cluster.client(), Desired("v1", "Namespace", "team"), options),
               WaitTimeout);
  auto sleeps = cluster.clock().Sleeps();
  ASSERT_GE(sleeps.size(), 8u);
  EXPECT_EQ(sleeps[0], milliseconds(200));
  EXPECT_EQ(sleeps[1], milliseconds(300));
  EXPECT_EQ(sleeps[2], milliseconds(450));
  for (auto sleep : sleeps) EXPECT_LE(sleep, options.max_poll_interval);
  EXPECT_EQ(sleeps[sleeps.size() - 2], options.max_poll_interval);
}

TEST_F(WaitsTest, KindsReadyOnceTheyExistNeedNoRequest) {
  json config_map = Desired("v1", "ConfigMap", "c", "team");
  EXPECT_EQ(WaitUntilReady(cluster.client(), config_map, Options()), config_map);
  EXPECT_EQ(cluster.ApiRequestCount(), 0);
}

TEST_F(WaitsTest, AReadyLiveObjectNeedsNoRequest) {
  json live = NamespaceWithPhase("Active");
  EXPECT_EQ(WaitUntilReady(cluster.client(), live, Options()), live);
  EXPECT_EQ(cluster.ApiRequestCount(), 0);
}

TEST_F(WaitsTest, AnUnknownKindIsLookedAtOnce) {
  const char* path = "/apis/example.io/v1/namespaces/team/widgets/w";
  json widget = Desired("example.io/v1", "Widget", "w", "team");
  widget["metadata"]["resourceVersion"] = "3";
  json not_ready = widget, ready = widget;
  not_ready["status"]["conditions"] = {{{"type", "Ready"}, {"status", "False"}}};
  ready["status"]["conditions"] = {{{"type", "Ready"}, {"status", "True"}}};
  cluster.ScriptObjects(path, {not_ready, ready});
  WaitUntilReady(cluster.client(), Desired("example.io/v1", "Widget", "w", "team"), Options());
  EXPECT_EQ(cluster.RequestsTo(path), 2);
}

TEST_F(WaitsTest, TimeoutNamesObjectRuleElapsedAndStatus) {
  cluster.ScriptObjects(kDeploymentPath, {StuckDeployment()});
  try {
    WaitUntilReady(cluster.client(), Desired("apps/v1", "Deployment", "web", "team"), Options());
    FAIL() << "expected a timeout";
  } catch (const WaitTimeout& timeout) {
    std::string message = timeout.what();
    EXPECT_NE(message.find("fake: timed out after 30s"), std::string::npos) << message;
    EXPECT_NE(message.find("Deployment team/web"), std::string::npos) << message;
    EXPECT_NE(message.find("(Deployment available)"), std::string::npos) << message;
    EXPECT_NE(message.find("0 of 2 replicas available"), std::string::npos) << message;
    EXPECT_NE(message.find("\"availableReplicas\":0"), std::string::npos) << message;
    EXPECT_EQ(timeout.report().rule, "Deployment available");
    EXPECT_EQ(timeout.report().elapsed, seconds(30));
  }
}

TEST_F(WaitsTest, ProgressDeadlineExceededFailsAtOnce) {
  json failed = StuckDeployment();
  failed["status"]["conditions"] = {
      {{"type", "Progressing"}, {"status", "False"}, {"reason", "ProgressDeadlineExceeded"}}};
  cluster.ScriptObjects(kDeploymentPath, {failed});
  EXPECT_THROW(
      WaitUntilReady(cluster.client(), Desired("apps/v1", "Deployment", "web", "team"), Options()),
      WaitFailed);
  EXPECT_EQ(cluster.RequestsTo(kDeploymentPath), 1);
}

TEST_F(WaitsTest, ProgressIsReportedAboutEveryTenSeconds) {
  cluster.ScriptObjects(kDeploymentPath, {StuckDeployment()});
  std::vector<WaitProgress> reports;
  WaitOptions options = Options(seconds(35));
  options.on_progress = [&](const WaitProgress& progress) { reports.push_back(progress); };
  EXPECT_THROW(
      WaitUntilReady(cluster.client(), Desired("apps/v1", "Deployment", "web", "team"), options),
      WaitTimeout);
  ASSERT_EQ(reports.size(), 3u);
  EXPECT_GE(reports[0].elapsed, seconds(10));
  EXPECT_GE(reports[1].elapsed, seconds(20));
  EXPECT_GE(reports[2].elapsed, seconds(30));
  EXPECT_EQ(reports[0].rule, "Deployment available");
  EXPECT_EQ(reports[0].ref.name, "web");
  EXPECT_EQ(reports[0].cluster, "fake");
  EXPECT_EQ(reports[0].status, "0 of 2 replicas available");
}

TEST_F(WaitsTest, AnObjectNotFoundYetIsWaitedFor) {
  cluster.Script(kNamespacePath,
                 {FakeCluster::NotFound(), FakeCluster::Ok(NamespaceWithPhase("Active"))});
  EXPECT_EQ(WaitUntilReady(cluster.client(), Desired("v1", "Namespace", "team"),
                           Options())["metadata"]["uid"],
            "u1");
}

TEST_F(WaitsTest, TransientErrorsAreWaitedThrough) {
  kube::HttpResponse unavailable = kube::FakeTransport::Status(503, "ServiceUnavailable", "busy");
  std::vector<kube::HttpResponse> responses(8, unavailable);
  responses.push_back(FakeCluster::Ok(NamespaceWithPhase("Active")));
  cluster.Script(kNamespacePath, responses);
  json live = WaitUntilReady(cluster.client(), Desired("v1", "Namespace", "team"), Options());
  EXPECT_EQ(live["status"]["phase"], "Active");
}

TEST_F(WaitsTest, OtherErrorsAreThrown) {
  cluster.Script(kNamespacePath, {kube::FakeTransport::Status(403, "Forbidden", "no")});
  EXPECT_THROW(WaitUntilReady(cluster.client(), Desired("v1", "Namespace", "team"), Options()),
               kube::Forbidden);
}

TEST_F(WaitsTest, TokenSecretTimeoutNeverShowsSecretData) {
  const char* path = "/api/v1/namespaces/team/secrets/reader-token";
  json secret = Desired("v1", "Secret", "reader-token", "team");
  secret["type"] = "kubernetes.io/service-account-token";
  json live = secret;
  live["metadata"]["resourceVersion"] = "4";
  live["data"] = {{"ca.crt", "c2VjcmV0LWNhLWRhdGE="}};
  cluster.ScriptObjects(path, {live});
  try {
    WaitUntilReady(cluster.client(), secret, Options(seconds(5)));
    FAIL() << "expected a timeout";
  } catch (const WaitTimeout& timeout) {
    std::string message = timeout.what();
    EXPECT_NE(message.find("token not yet issued"), std::string::npos) << message;
    EXPECT_EQ(message.find("c2VjcmV0LWNhLWRhdGE="), std::string::npos) << message;
  }
}

TEST_F(WaitsTest, GoneWhenNotFound) {
  cluster.ScriptObjects(kNamespacePath, {NamespaceWithPhase("Terminating")});
  cluster.Script(kNamespacePath,
                 {FakeCluster::Ok(NamespaceWithPhase("Terminating")), FakeCluster::NotFound()});
  WaitUntilGone(cluster.client(), {"v1", "Namespace", "", "team"}, "u1", Options());
  EXPECT_EQ(cluster.RequestsTo(kNamespacePath), 2);
}

TEST_F(WaitsTest, GoneWhenRecreatedWithAnotherUid) {
  json recreated = NamespaceWithPhase("Active");
  recreated["metadata"]["uid"] = "u2";
  cluster.ScriptObjects(kNamespacePath, {recreated});
  WaitUntilGone(cluster.client(), {"v1", "Namespace", "", "team"}, "u1", Options());
  EXPECT_EQ(cluster.RequestsTo(kNamespacePath), 1);
}

TEST_F(WaitsTest, GoneTimesOutNamingTheFinalizers) {
  json stuck = NamespaceWithPhase("Terminating");
  stuck["metadata"]["deletionTimestamp"] = "2026-11-25T18:00:00Z";
  stuck["metadata"]["finalizers"] = {"example.io/hold"};
  cluster.ScriptObjects(kNamespacePath, {stuck});
  try {
    WaitUntilGone(cluster.client(), {"v1", "Namespace", "", "team"}, "u1", Options(seconds(8)));
    FAIL() << "expected a timeout";
  } catch (const WaitTimeout& timeout) {
    std::string message = timeout.what();
    EXPECT_NE(message.find("(deletion): terminating, finalizers [\"example.io/hold\"]"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("Terminating"), std::string::npos) << message;
  }
}

TEST(FormatElapsed, ShortHumanForms) {
  EXPECT_EQ(FormatElapsed(milliseconds(850)), "850ms");
  EXPECT_EQ(FormatElapsed(seconds(12)), "12s");
  EXPECT_EQ(FormatElapsed(seconds(65)), "1m5s");
}

}  // namespace
}  // namespace meshform::readiness
