// Proves that every LIST the client sends is paged (a default page size when the caller gives
// none), that all pages come back as one list, and that an expired continue token restarts the
// list once and then fails with an error that says so.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>

#include "engine/kube/client.h"
#include "tests/unit/kube/fake_api.h"

namespace meshform::kube {
namespace {

using testing::DiscoveryHandler;
using testing::FakeCluster;
using ::testing::HasSubstr;

// Pages of one item each, named item0..item(n-1); the continue token is the next index.
HttpResponse Paged(const HttpRequest& r, int n) {
  auto at = r.url.find("continue=");
  int from = at == std::string::npos ? 0 : std::stoi(r.url.substr(at + 9));
  json list = {{"metadata", {{"resourceVersion", "3"}}},
               {"items", json::array({{{"metadata", {{"name", "item" + std::to_string(from)}}}}})}};
  if (from + 1 < n) list["metadata"]["continue"] = std::to_string(from + 1);
  return FakeTransport::Json(200, list.dump());
}

TEST(KubeListPaging, AListWithoutALimitIsPagedByTheClientsPageSize) {
  FakeCluster cluster;
  cluster.transport->SetHandler(DiscoveryHandler([](const HttpRequest& r) { return Paged(r, 3); }));
  ListResult result = cluster.client->List("v1", "Secret");
  ASSERT_EQ(result.items.size(), 3u);
  EXPECT_EQ(result.items[2]["metadata"]["name"], "item2");
  auto requests = cluster.ApiRequests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0].url, "https://fake.invalid/api/v1/secrets?limit=500");
  EXPECT_EQ(requests[2].url, "https://fake.invalid/api/v1/secrets?limit=500&continue=2");
}

TEST(KubeListPaging, ThePageSizeIsAClientOption) {
  ClientOptions options;
  options.list_page_size = 7;
  FakeCluster cluster(options);
  cluster.transport->SetHandler(DiscoveryHandler([](const HttpRequest& r) { return Paged(r, 1); }));
  ListOptions in_ns;
  in_ns.ns = "team";
  cluster.client->List("v1", "ConfigMap", in_ns);
  EXPECT_EQ(cluster.ApiRequests().at(0).url,
            "https://fake.invalid/api/v1/namespaces/team/configmaps?limit=7");
}

TEST(KubeListPaging, AContinueTokenThatExpiresTwiceFailsClearly) {
  FakeCluster cluster;
  auto lists = std::make_shared<std::atomic<int>>(0);
  cluster.transport->SetHandler(DiscoveryHandler([lists](const HttpRequest& r) {
    if (r.url.find("continue=") != std::string::npos) {
      return FakeTransport::Status(410, "Expired", "The provided continue parameter is too old");
    }
    ++*lists;
    return Paged(r, 5);
  }));
  try {
    cluster.client->List("v1", "ConfigMap");
    FAIL() << "expected Gone";
  } catch (const Gone& e) {
    EXPECT_THAT(e.what(), HasSubstr("fake: list ConfigMap"));
    EXPECT_THAT(e.what(), HasSubstr("expired again after a restart"));
    EXPECT_THAT(e.what(), HasSubstr("continue parameter is too old"));
  }
  EXPECT_EQ(lists->load(), 2);  // the first page twice: one restart, no more
  EXPECT_EQ(cluster.ApiRequests().size(), 4u);
}

TEST(KubeListPaging, AnExpiredTokenTheCallerPassedIsTheCallersToRenew) {
  FakeCluster cluster;
  cluster.transport->SetHandler(DiscoveryHandler(
      [](const HttpRequest&) { return FakeTransport::Status(410, "Expired", "too old"); }));
  ListOptions resume;
  resume.continue_token = "old";
  EXPECT_THROW(cluster.client->List("v1", "ConfigMap", resume), Gone);
  EXPECT_EQ(cluster.ApiRequests().size(), 1u);
}

}  // namespace
}  // namespace meshform::kube
