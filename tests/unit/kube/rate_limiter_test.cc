// Proves the token bucket on a fake clock (burst, then 1/qps spacing, refill) and that a 429
// pauses every request of the cluster for Retry-After.
#include "engine/kube/rate_limiter.h"

#include <gtest/gtest.h>

#include "tests/support/fake_clock.h"
#include "tests/unit/kube/fake_api.h"

namespace meshform::kube {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(KubeRateLimiterTest, BurstPassesThenRequestsAreSpacedByQps) {
  FakeClock clock;
  RateLimiter limiter({10, 3}, clock);
  for (int i = 0; i < 3; ++i) limiter.Acquire();
  EXPECT_TRUE(clock.Sleeps().empty());
  limiter.Acquire();
  limiter.Acquire();
  auto sleeps = clock.Sleeps();
  ASSERT_EQ(sleeps.size(), 2u);
  EXPECT_EQ(std::chrono::duration_cast<milliseconds>(sleeps[0]), milliseconds(100));
  // The fake sleep advanced time by 100 ms; the next one waits another 100 ms.
  EXPECT_EQ(std::chrono::duration_cast<milliseconds>(sleeps[1]), milliseconds(100));
}

TEST(KubeRateLimiterTest, TokensRefillOverTimeUpToBurst) {
  FakeClock clock;
  RateLimiter limiter({2, 2}, clock);
  limiter.Acquire();
  limiter.Acquire();
  clock.Advance(seconds(60));  // refills to burst (2), not 120
  limiter.Acquire();
  limiter.Acquire();
  EXPECT_TRUE(clock.Sleeps().empty());
  limiter.Acquire();
  ASSERT_EQ(clock.Sleeps().size(), 1u);
  EXPECT_EQ(std::chrono::duration_cast<milliseconds>(clock.Sleeps()[0]), milliseconds(500));
}

TEST(KubeRateLimiterTest, PauseHoldsRequestsBack) {
  FakeClock clock;
  RateLimiter limiter({1000, 2000}, clock);
  limiter.PauseFor(seconds(5));
  limiter.Acquire();
  ASSERT_EQ(clock.Sleeps().size(), 1u);
  EXPECT_EQ(clock.Sleeps()[0], seconds(5));
  limiter.Acquire();  // the pause is over
  EXPECT_EQ(clock.Sleeps().size(), 1u);
}

TEST(KubeRateLimiterTest, ConcurrentCallersAreSpacedNotBunched) {
  // The time stands still while they sleep: each caller's wait is its place in the queue, not
  // what is left of it after the others' sleeps moved a shared fake time on.
  FakeClock clock(/*advance_on_sleep=*/false);
  RateLimiter limiter({100, 1}, clock);
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) threads.emplace_back([&] { limiter.Acquire(); });
  for (auto& t : threads) t.join();
  // 1 passes at once; 7 wait; in total at least 7 × 10 ms of waiting was reserved.
  Duration total{0};
  for (auto d : clock.Sleeps()) total += d;
  EXPECT_EQ(clock.Sleeps().size(), 7u);
  EXPECT_GE(total, milliseconds(70));
}

TEST(KubeRateLimiterTest, ClientRateLimitsRequestsThroughItsClock) {
  ClientOptions options;
  options.rate_limit = {5, 1};
  testing::FakeCluster cluster(options);
  cluster.transport->SetHandler([](const HttpRequest&) { return FakeTransport::Json(200, "{}"); });
  for (int i = 0; i < 4; ++i) cluster.client->Raw({"GET", "/version", "", "", {}, {}});
  auto sleeps = cluster.clock.Sleeps();
  ASSERT_EQ(sleeps.size(), 3u);
  for (auto d : sleeps) EXPECT_EQ(std::chrono::duration_cast<milliseconds>(d), milliseconds(200));
}

TEST(KubeRateLimiterTest, A429RetryWaitsInTheSharedLimiterForRetryAfter) {
  testing::FakeCluster cluster;
  HttpResponse busy = FakeTransport::Status(429, "TooManyRequests", "slow down");
  busy.headers["retry-after"] = "4";
  cluster.transport->Enqueue(busy);
  cluster.transport->SetHandler([](const HttpRequest&) { return FakeTransport::Json(200, "{}"); });
  cluster.client->Raw({"GET", "/version", "", "", {}, {}});
  // The retry waited in the rate limiter (a pause shared by the cluster), for Retry-After.
  ASSERT_EQ(cluster.clock.Sleeps().size(), 1u);
  EXPECT_GE(cluster.clock.Sleeps()[0], seconds(4));
  EXPECT_EQ(cluster.transport->RequestCount(), 2u);
}

}  // namespace
}  // namespace meshform::kube
