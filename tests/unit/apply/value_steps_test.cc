// The token value step: the token comes from the Secret the token controller filled; when it is
// not filled in time the step fails naming the cluster, the Secret and kube-controller-manager,
// and never falls back to a TokenRequest (a short-lived token would be baked into the remote
// secret). Fake transport, fake waiter; no cluster.
#include "engine/apply/value_steps.h"

#include <gtest/gtest.h>

#include <string>

#include "engine/readiness/wait_errors.h"
#include "engine/util/base64.h"
#include "engine/util/error.h"
#include "tests/support/fake_clock.h"
#include "tests/support/fake_transport.h"

namespace meshform::apply {
namespace {

using kube::FakeTransport;
using kube::HttpRequest;
using nlohmann::json;

constexpr const char* kCoreV1 = R"({"kind":"APIResourceList","groupVersion":"v1","resources":[
  {"name":"secrets","namespaced":true,"kind":"Secret","verbs":["get","create","patch"]},
  {"name":"serviceaccounts","namespaced":true,"kind":"ServiceAccount","verbs":["get","create"]},
  {"name":"serviceaccounts/token","namespaced":true,"kind":"TokenRequest","verbs":["create"]}]})";

constexpr const char* kSecretPath = "/api/v1/namespaces/istio-system/secrets/reader-token";

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A Waiter whose wait for the token Secret gives up (or succeeds, when `times_out` is false).
class TokenWaiter : public Waiter {
 public:
  bool times_out = true;
  void WaitReady(kube::Client&, const json& object) override {
    if (!times_out) return;
    readiness::WaitReport report;
    report.cluster = "shanghai";
    report.ref = {"v1", "Secret", object["metadata"]["namespace"], object["metadata"]["name"]};
    report.rule = "token issued";
    report.elapsed = std::chrono::minutes(5);
    report.verdict = "the token controller has not filled the token yet";
    throw readiness::WaitTimeout(report);
  }
  void WaitGone(kube::Client&, const kube::ObjectRef&, const std::string&) override {}
};

class TokenValueStepTest : public ::testing::Test {
 protected:
  TokenValueStepTest() {
    transport_->SetHandler([this](const HttpRequest& r) {
      if (EndsWith(r.url, "/api/v1")) return FakeTransport::Json(200, kCoreV1);
      if (r.method == "GET" && EndsWith(r.url, kSecretPath))
        return FakeTransport::Json(200, secret_.dump());
      // A TokenRequest (or anything else) would mint a token: answer as the API server would.
      return FakeTransport::Json(201, R"({"kind":"TokenRequest","status":{"token":"one-hour-token",
                   "expirationTimestamp":"2026-01-01T01:00:00Z"}})");
    });
    kube::ClientOptions options;
    options.transport = transport_;
    options.clock = &clock_;
    kube::ClusterConfig config;
    config.context = "shanghai";
    config.server = "https://shanghai.invalid";
    config.token = "t";
    clients_ =
        std::make_unique<kube::ClusterClients>(std::map<std::string, std::shared_ptr<kube::Client>>{
            {"shanghai", std::make_shared<kube::Client>(config, options)}});
    change_.address = "value/shanghai/token";
    change_.cluster = "shanghai";
    change_.action = plan::Action::kCreate;
    change_.resource.address = change_.address;
    change_.resource.kind = resources::Resource::Kind::kValue;
    change_.resource.sensitive = true;
    change_.resource.value = {"service-account-token",
                              {{"cluster", "shanghai"},
                               {"namespace", "istio-system"},
                               {"serviceAccount", "istio-reader-service-account"},
                               {"secret", "reader-token"}}};
  }

  void Run() {
    values::Context context{*clients_, store_, "mesh", "beijing", ""};
    RunValueStep(change_, context, waiter_, journal_);
  }

  std::vector<HttpRequest> Posts() const {
    std::vector<HttpRequest> out;
    for (const auto& r : transport_->Requests())
      if (r.method == "POST") out.push_back(r);
    return out;
  }

  std::shared_ptr<FakeTransport> transport_ = std::make_shared<FakeTransport>();
  kube::FakeClock clock_;
  std::unique_ptr<kube::ClusterClients> clients_;
  json secret_ = {{"apiVersion", "v1"},
                  {"kind", "Secret"},
                  {"type", "kubernetes.io/service-account-token"},
                  {"metadata", {{"name", "reader-token"}, {"namespace", "istio-system"}}},
                  {"data", {{"ca.crt", util::Base64Encode("CA")}}}};
  plan::Change change_;
  values::ValueStore store_;
  TokenWaiter waiter_;
  Journal journal_;
};

TEST_F(TokenValueStepTest, UnfilledSecretFailsNamingTheControllerAndRequestsNoToken) {
  try {
    Run();
    FAIL() << "expected an error";
  } catch (const Error& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("cluster shanghai"), std::string::npos) << what;
    EXPECT_NE(what.find("token Secret istio-system/reader-token was not filled"), std::string::npos)
        << what;
    EXPECT_NE(what.find("kube-controller-manager must be running"), std::string::npos) << what;
    EXPECT_NE(what.find("timed out after 5m"), std::string::npos) << what;
  }
  EXPECT_TRUE(Posts().empty()) << "a TokenRequest was made: " << Posts()[0].url;
  EXPECT_FALSE(store_.Has(change_.address));
}

TEST_F(TokenValueStepTest, SecretReadyButEmptyFailsTooWithoutATokenRequest) {
  waiter_.times_out = false;
  EXPECT_THROW(Run(), Error);
  EXPECT_TRUE(Posts().empty());
  EXPECT_FALSE(store_.Has(change_.address));
}

TEST_F(TokenValueStepTest, FilledSecretGivesItsToken) {
  waiter_.times_out = false;
  secret_["data"]["token"] = util::Base64Encode("long-lived");
  Run();
  EXPECT_EQ(store_.Field(change_.address, "token"), "long-lived");
  EXPECT_EQ(store_.Field(change_.address, "ca.crt"), "CA");
  EXPECT_TRUE(Posts().empty());
}

}  // namespace
}  // namespace meshform::apply
