// Proves the retry pipeline with a fake transport and a fake clock: which errors are retried,
// the exponential backoff with jitter, Retry-After, the attempt cap, and 401 re-authentication.
#include <gtest/gtest.h>

#include "tests/unit/kube/fake_api.h"

namespace meshform::kube {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::DiscoveryHandler;
using testing::FakeCluster;

const ObjectRef kCm{"v1", "ConfigMap", "default", "cm"};
const char* kCmBody = R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm"}})";

HttpResponse WithRetryAfter(HttpResponse r, const std::string& value) {
  r.headers["retry-after"] = value;
  return r;
}

struct KubeRetryTest : ::testing::Test {
  FakeCluster cluster;
  void SetUp() override {
    cluster.transport->SetHandler(
        DiscoveryHandler([](const HttpRequest&) { return FakeTransport::Json(200, kCmBody); }));
    cluster.client->Mapping("v1", "ConfigMap");  // discovery first, so queued answers go to Get
  }
};

TEST_F(KubeRetryTest, ServiceUnavailableIsRetriedWithGrowingJitteredDelays) {
  for (int i = 0; i < 3; ++i)
    cluster.transport->Enqueue(FakeTransport::Status(503, "ServiceUnavailable", "busy"));
  json cm = cluster.client->Get(kCm);
  EXPECT_EQ(cm["metadata"]["name"], "cm");
  auto sleeps = cluster.clock.Sleeps();
  ASSERT_EQ(sleeps.size(), 3u);
  // base 200 ms, doubled each time, jitter factor in [1, 1.5)
  for (size_t i = 0; i < 3; ++i) {
    Duration base = milliseconds(200) * (1 << i);
    EXPECT_GE(sleeps[i], base) << i;
    EXPECT_LT(sleeps[i], base * 3 / 2) << i;
  }
  EXPECT_EQ(cluster.ApiRequests().size(), 4u);
}

// An apply that had to be sent again after a try that may have been carried out says so (its
// caller may find its own earlier creation); one sent again only after 429s does not.
TEST_F(KubeRetryTest, AnApplySentAgainAfterAPossiblyCarriedOutTrySaysSo) {
  json cm = json::parse(kCmBody);
  cluster.transport->Enqueue(FakeTransport::Status(504, "Timeout", "the server timed out"));
  EXPECT_TRUE(cluster.client->ApplyWithResult(cm).sent_again);
  cluster.transport->Enqueue(FakeTransport::Status(429, "TooManyRequests", "slow down"));
  EXPECT_FALSE(cluster.client->ApplyWithResult(cm).sent_again);
  EXPECT_FALSE(cluster.client->ApplyWithResult(cm).sent_again);
}

TEST_F(KubeRetryTest, TooManyRequestsHonoursRetryAfter) {
  cluster.transport->Enqueue(
      WithRetryAfter(FakeTransport::Status(429, "TooManyRequests", "slow down"), "7"));
  cluster.client->Get(kCm);
  auto sleeps = cluster.clock.Sleeps();
  ASSERT_EQ(sleeps.size(), 1u);
  EXPECT_GE(sleeps[0], seconds(7));
  EXPECT_LT(sleeps[0], milliseconds(10500));  // jittered on top, so that waiters spread out
}

// A throttled request keeps coming back for as long as the throttle budget allows, however many
// 429s that takes (API Priority and Fairness shedding load answers many): not 6 attempts.
TEST_F(KubeRetryTest, TooManyRequestsAreRetriedForTheThrottleBudgetNotAnAttemptCount) {
  for (int i = 0; i < 20; ++i) {
    cluster.transport->Enqueue(
        WithRetryAfter(FakeTransport::Status(429, "TooManyRequests", "slow down"), "1"));
  }
  json cm = cluster.client->Get(kCm);
  EXPECT_EQ(cm["metadata"]["name"], "cm");
  EXPECT_EQ(cluster.ApiRequests().size(), 21u);
  ClientOptions options;
  options.retry.throttle_budget = seconds(5);
  FakeCluster limited(options);
  limited.transport->SetHandler(DiscoveryHandler([](const HttpRequest&) {
    return WithRetryAfter(FakeTransport::Status(429, "TooManyRequests", "slow down"), "1");
  }));
  EXPECT_THROW(limited.client->Get(kCm), TooManyRequests);
  Duration slept{};
  for (auto d : limited.clock.Sleeps()) slept += d;
  EXPECT_GE(slept, seconds(5));
  EXPECT_LT(slept, seconds(5 + 30 * 3 / 2));  // the last delay is at most max_delay, jittered
}

TEST_F(KubeRetryTest, PlainTextTooManyRequestsIsUnderstood) {
  HttpResponse r;
  r.status = 429;
  r.headers["content-type"] = "text/plain";
  r.headers["retry-after"] = "2";
  r.body = "Too many requests, please try again later.\n";
  cluster.transport->Enqueue(r);
  cluster.client->Get(kCm);
  ASSERT_EQ(cluster.clock.Sleeps().size(), 1u);
  EXPECT_GE(cluster.clock.Sleeps()[0], seconds(2));
}

TEST_F(KubeRetryTest, RetryAfterSecondsInTheStatusCountsToo) {
  cluster.transport->Enqueue(FakeTransport::Json(
      500, R"({"kind":"Status","status":"Failure","reason":"ServerTimeout","code":500,
              "message":"timed out","details":{"retryAfterSeconds":3}})"));
  cluster.client->Get(kCm);
  ASSERT_EQ(cluster.clock.Sleeps().size(), 1u);
  EXPECT_GE(cluster.clock.Sleeps()[0], seconds(3));
}

TEST_F(KubeRetryTest, GivesUpAfterMaxAttemptsWithTheTypedError) {
  cluster.transport->SetHandler(DiscoveryHandler([](const HttpRequest&) {
    return FakeTransport::Status(503, "ServiceUnavailable", "down for good");
  }));
  try {
    cluster.client->Get(kCm);
    FAIL() << "expected ServerError";
  } catch (const ServerError& e) {
    EXPECT_EQ(e.code(), 503);
    EXPECT_NE(std::string(e.what()).find("fake: get ConfigMap default/cm"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(cluster.ApiRequests().size(), 6u);  // RetryPolicy::max_attempts
  auto sleeps = cluster.clock.Sleeps();
  ASSERT_EQ(sleeps.size(), 5u);
  for (size_t i = 1; i < sleeps.size(); ++i) EXPECT_GT(sleeps[i], sleeps[i - 1]);
}

TEST_F(KubeRetryTest, BackoffIsCappedAtMaxDelay) {
  ClientOptions options;
  options.retry.max_attempts = 12;
  options.retry.max_delay = milliseconds(1000);
  FakeCluster capped(options);
  capped.transport->SetHandler(DiscoveryHandler(
      [](const HttpRequest&) { return FakeTransport::Status(503, "ServiceUnavailable", "down"); }));
  EXPECT_THROW(capped.client->Get(kCm), ServerError);
  for (auto d : capped.clock.Sleeps()) EXPECT_LT(d, milliseconds(1500));
}

TEST_F(KubeRetryTest, PermanentErrorsAreNotRetried) {
  cluster.transport->Enqueue(FakeTransport::Status(404, "NotFound", "configmaps \"cm\" not found"));
  EXPECT_THROW(cluster.client->Get(kCm), NotFound);
  cluster.transport->Enqueue(
      FakeTransport::Status(500, "InternalError", ".spec.x: field not declared in schema"));
  EXPECT_THROW(cluster.client->Get(kCm), ServerError);
  cluster.transport->Enqueue(FakeTransport::Status(422, "Invalid", "bad"));
  EXPECT_THROW(cluster.client->Get(kCm), Invalid);
  EXPECT_TRUE(cluster.clock.Sleeps().empty());
  EXPECT_EQ(cluster.ApiRequests().size(), 3u);
}

TEST_F(KubeRetryTest, ConnectionFailuresAreRetriedTlsFailuresAreNot) {
  cluster.transport->EnqueueFailure({"Connection refused", true});
  cluster.client->Get(kCm);
  EXPECT_EQ(cluster.clock.Sleeps().size(), 1u);
  cluster.transport->EnqueueFailure({"SSL certificate problem: unable to get local issuer", false});
  try {
    cluster.client->Get(kCm);
    FAIL() << "expected TransportError";
  } catch (const TransportError& e) {
    EXPECT_NE(std::string(e.what()).find("SSL certificate problem"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("fake: get ConfigMap default/cm"), std::string::npos);
  }
  EXPECT_EQ(cluster.clock.Sleeps().size(), 1u);
}

// Once a request has spent all its retries on a server it cannot reach, the next ones try once
// and fail (no wait of their own), until one gets an answer: then retries are back.
TEST_F(KubeRetryTest, AfterARequestGaveUpOnAnUnreachableServerTheNextTryOnceUntilOneGetsThrough) {
  for (int i = 0; i < 6; ++i) cluster.transport->EnqueueFailure({"Connection refused", true});
  EXPECT_THROW(cluster.client->Get(kCm), TransportError);
  EXPECT_EQ(cluster.clock.Sleeps().size(), 5u);
  const size_t sent = cluster.ApiRequests().size();
  cluster.transport->EnqueueFailure({"Connection refused", true});
  EXPECT_THROW(cluster.client->Get(kCm), TransportError);
  EXPECT_EQ(cluster.ApiRequests().size(), sent + 1) << "one try, no retry";
  EXPECT_EQ(cluster.clock.Sleeps().size(), 5u) << "no wait";
  EXPECT_EQ(cluster.client->Get(kCm)["metadata"]["name"], "cm");  // the server is back
  cluster.transport->EnqueueFailure({"Connection refused", true});
  EXPECT_EQ(cluster.client->Get(kCm)["metadata"]["name"], "cm");
  EXPECT_EQ(cluster.clock.Sleeps().size(), 6u) << "retried again";
}

// An API server that cannot be reached at all (refused, reset: restarting) is retried past
// max_attempts for unreachable_budget since the first send, when the budget is set (apply and
// destroy); other transient errors and fatal transport failures are not.
TEST(KubeBackoff, AnUnreachableServerIsRetriedForItsBudgetAfterTheAttempts) {
  RetryPolicy policy;
  policy.max_attempts = 6;
  Backoff none(policy, 1);
  policy.unreachable_budget = seconds(45);
  Backoff budget(policy, 1);
  RequestContext context;
  TransportError refused(context, 0, kRetryableTransportReason, "Connection refused");
  TransportError tls(context, 0, kFatalTransportReason, "SSL certificate problem");
  ServerError unavailable(context, 503, "ServiceUnavailable", "unavailable");
  EXPECT_TRUE(none.ShouldRetry(5, refused, seconds(3)));
  EXPECT_FALSE(none.ShouldRetry(6, refused, seconds(10)));
  EXPECT_TRUE(budget.ShouldRetry(6, refused, seconds(10)));
  EXPECT_TRUE(budget.ShouldRetry(9, refused, seconds(44)));
  EXPECT_FALSE(budget.ShouldRetry(9, refused, seconds(46)));
  EXPECT_FALSE(budget.ShouldRetry(6, unavailable, seconds(10)));
  EXPECT_FALSE(budget.ShouldRetry(1, tls, seconds(1)));
}

TEST_F(KubeRetryTest, PostIsRetriedOnlyWhenItWasNeverSent) {
  json cm = {{"apiVersion", "v1"}, {"kind", "ConfigMap"}, {"metadata", {{"name", "cm"}}}};
  cluster.transport->EnqueueFailure({"Connection refused", true, true});
  cluster.client->Create(cm);
  EXPECT_EQ(cluster.clock.Sleeps().size(), 1u);
  cluster.transport->EnqueueFailure({"Recv failure: Connection reset by peer", true, false});
  EXPECT_THROW(cluster.client->Create(cm), TransportError);  // it may have been created
  EXPECT_EQ(cluster.clock.Sleeps().size(), 1u);
  cluster.transport->EnqueueFailure({"Recv failure: Connection reset by peer", true, false});
  cluster.client->Apply(cm);  // server-side apply is idempotent
  EXPECT_EQ(cluster.clock.Sleeps().size(), 2u);
}

TEST_F(KubeRetryTest, UnauthorizedWithStaticTokenIsNotRetried) {
  cluster.transport->Enqueue(FakeTransport::Status(401, "Unauthorized", "Unauthorized"));
  EXPECT_THROW(cluster.client->Get(kCm), Unauthorized);
  EXPECT_EQ(cluster.ApiRequests().size(), 1u);
}

TEST(KubeBackoffTest, DelaysGrowExponentiallyWithinJitterBounds) {
  RetryPolicy policy;
  policy.base_delay = milliseconds(100);
  policy.jitter = 0.2;
  Backoff backoff(policy, 7);
  ServerError error({"c", "get", "x"}, 503, "ServiceUnavailable", "busy");
  for (int attempt = 1; attempt <= 5; ++attempt) {
    Duration d = backoff.DelayFor(attempt, error);
    Duration base = milliseconds(100) * (1 << (attempt - 1));
    EXPECT_GE(d, base);
    EXPECT_LT(d, base * 6 / 5);
  }
}

TEST(KubeBackoffTest, JitterSpreadsDelays) {
  Backoff backoff(RetryPolicy{}, 1);
  ServerError error({"c", "get", "x"}, 503, "ServiceUnavailable", "busy");
  Duration first = backoff.DelayFor(1, error);
  bool differs = false;
  for (int i = 0; i < 10; ++i) differs |= backoff.DelayFor(1, error) != first;
  EXPECT_TRUE(differs);
}

}  // namespace
}  // namespace meshform::kube
