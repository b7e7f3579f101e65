// Proves discovery's disk cache: a second run against the same server sends no discovery
// request; a kind missing from a cached list refetches its group version; entries past their
// time to live, unreadable entries and another server's (same URL, other CA) are not used; and
// RefreshDiscovery (after meshform's own CRD writes) forgets the disk too.
#include "engine/kube/discovery_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "tests/unit/kube/fake_api.h"
#include "tests/unit/kube/temp_dir.h"

namespace meshform::kube {
namespace {

using testing::DiscoveryHandler;
using testing::FakeCluster;
using testing::TempDir;

FakeTransport::Handler NothingElse() {
  return DiscoveryHandler(
      [](const HttpRequest&) { return FakeTransport::Status(404, "NotFound", "x"); });
}

ClientOptions Cached(const TempDir& dir) {
  ClientOptions options;
  options.discovery_cache_root = dir.path();
  return options;
}

TEST(DiscoveryDiskCache, ASecondRunSendsNoDiscoveryRequest) {
  TempDir dir;
  FakeCluster first(Cached(dir));
  first.transport->SetHandler(NothingElse());
  first.client->Mapping("v1", "ConfigMap");
  first.client->Mapping("apps/v1", "Deployment");
  EXPECT_EQ(first.transport->RequestCount(), 2u);

  FakeCluster second(Cached(dir));
  second.transport->SetHandler(NothingElse());
  EXPECT_EQ(second.client->Mapping("apps/v1", "Deployment").resource, "deployments");
  EXPECT_TRUE(second.client->Mapping("v1", "ConfigMap").namespaced);
  EXPECT_EQ(second.transport->RequestCount(), 0u);

  FakeCluster uncached;  // no root: memory only, as before
  uncached.transport->SetHandler(NothingElse());
  uncached.client->Mapping("v1", "ConfigMap");
  EXPECT_EQ(uncached.transport->RequestCount(), 1u);
}

TEST(DiscoveryDiskCache, AKindMissingFromTheCachedListIsFetchedAgain) {
  TempDir dir;
  auto installed = std::make_shared<std::atomic<bool>>(false);
  auto handler = DiscoveryHandler([installed](const HttpRequest& r) {
    if (r.url.find("/apis/example.com/v1") != std::string::npos) {
      std::string kinds =
          *installed ? R"([{"name":"widgets","namespaced":true,"kind":"Widget"}])" : "[]";
      return FakeTransport::Json(200,
                                 R"({"groupVersion":"example.com/v1","resources":)" + kinds + "}");
    }
    return FakeTransport::Status(404, "NotFound", "x");
  });
  FakeCluster first(Cached(dir));
  first.transport->SetHandler(handler);
  EXPECT_THROW(first.client->Mapping("example.com/v1", "Widget"), NoKindMatch);

  *installed = true;  // the CRD appeared between the runs
  FakeCluster second(Cached(dir));
  second.transport->SetHandler(handler);
  EXPECT_EQ(second.client->Mapping("example.com/v1", "Widget").resource, "widgets");
  EXPECT_EQ(second.transport->RequestCount(), 1u);

  FakeCluster third(Cached(dir));  // and the refreshed list was stored
  third.transport->SetHandler(handler);
  EXPECT_EQ(third.client->Mapping("example.com/v1", "Widget").resource, "widgets");
  EXPECT_EQ(third.transport->RequestCount(), 0u);
}

TEST(DiscoveryDiskCache, StaleOrUnreadableEntriesAreFetchedAgain) {
  TempDir dir;
  {
    FakeCluster first(Cached(dir));
    first.transport->SetHandler(NothingElse());
    first.client->Mapping("v1", "ConfigMap");
    first.client->Mapping("apps/v1", "Deployment");
  }
  ClusterConfig config;
  config.server = "https://fake.invalid";
  DiscoveryDiskCache cache(dir.path(), config);
  ASSERT_TRUE(cache.Load("v1").has_value());
  auto core = cache.folder() / "v1.json";
  std::filesystem::last_write_time(core, std::filesystem::file_time_type::clock::now() -
                                             kDiscoveryCacheTtl - std::chrono::seconds(1));
  EXPECT_FALSE(cache.Load("v1").has_value());
  std::ofstream(cache.folder() / "apps_v1.json") << "{not json";

  FakeCluster second(Cached(dir));
  second.transport->SetHandler(NothingElse());
  EXPECT_EQ(second.client->Mapping("v1", "ConfigMap").resource, "configmaps");
  EXPECT_EQ(second.client->Mapping("apps/v1", "Deployment").resource, "deployments");
  EXPECT_EQ(second.transport->RequestCount(), 2u);
}

// Someone deleted the CRD after an earlier run cached its kinds: the server answers the list
// with its plain "404 page not found"; the client forgets the cached list and says NoKindMatch
// (the planner's "not served"), and the next mapping asks the server again.
TEST(DiscoveryDiskCache, AKindNoLongerServedIsForgottenAndIsNoKindMatch) {
  TempDir dir;
  auto installed = std::make_shared<std::atomic<bool>>(true);
  auto handler = DiscoveryHandler([installed](const HttpRequest& r) {
    if (r.url.find("/apis/example.com/v1/namespaces/") != std::string::npos ||
        r.url.find("/apis/example.com/v1/widgets") != std::string::npos) {
      if (*installed) return FakeTransport::Json(200, R"({"items":[]})");
      return FakeTransport::Json(404, "404 page not found\n");
    }
    if (r.url.find("/apis/example.com/v1") != std::string::npos) {
      if (!*installed) return FakeTransport::Status(404, "NotFound", "the server could not find");
      return FakeTransport::Json(200, R"({"groupVersion":"example.com/v1","resources":)"
                                      R"([{"name":"widgets","namespaced":true,"kind":"Widget"}]})");
    }
    return FakeTransport::Status(404, "NotFound", "x");
  });
  {
    FakeCluster first(Cached(dir));
    first.transport->SetHandler(handler);
    EXPECT_TRUE(first.client->List("example.com/v1", "Widget", {}).items.empty());
  }
  *installed = false;
  FakeCluster second(Cached(dir));
  second.transport->SetHandler(handler);
  EXPECT_THROW(second.client->List("example.com/v1", "Widget", {}), NoKindMatch);
  EXPECT_THROW(second.client->Mapping("example.com/v1", "Widget"), NoKindMatch);
  FakeCluster third(Cached(dir));  // nothing stale left on disk
  third.transport->SetHandler(handler);
  EXPECT_THROW(third.client->Mapping("example.com/v1", "Widget"), NoKindMatch);
  EXPECT_EQ(third.transport->RequestCount(), 1u);
}

TEST(DiscoveryDiskCache, EachServerAndCaHasItsOwnFolder) {
  ClusterConfig a;
  a.server = "https://127.0.0.1:6443";
  ClusterConfig b = a;
  b.tls.ca_pem = "another CA";
  ClusterConfig c = a;
  c.server = "https://127.0.0.1:7443";
  DiscoveryDiskCache ca("/root", a), cb("/root", b), cc("/root", c);
  EXPECT_NE(ca.folder(), cb.folder());
  EXPECT_NE(ca.folder(), cc.folder());
  EXPECT_EQ(ca.folder().parent_path(), "/root");
  EXPECT_EQ(ca.folder().filename().string().rfind("127.0.0.1_6443-", 0), 0u)
      << ca.folder().string();
}

TEST(DiscoveryDiskCache, RefreshDiscoveryForgetsTheDiskToo) {
  TempDir dir;
  FakeCluster first(Cached(dir));
  first.transport->SetHandler(NothingElse());
  first.client->Mapping("v1", "ConfigMap");
  first.client->RefreshDiscovery();
  FakeCluster second(Cached(dir));
  second.transport->SetHandler(NothingElse());
  second.client->Mapping("v1", "ConfigMap");
  EXPECT_EQ(second.transport->RequestCount(), 1u);
}

TEST(DiscoveryDiskCache, TheEnvironmentChoosesTheFolderOrTurnsItOff) {
  ::setenv("MESHFORM_CACHE_DIR", "/tmp/mf-cache", 1);
  EXPECT_EQ(DefaultDiscoveryCacheRoot(), "/tmp/mf-cache/discovery");
  ::setenv("MESHFORM_DISCOVERY_CACHE", "off", 1);
  EXPECT_EQ(DefaultDiscoveryCacheRoot(), "");
  ::unsetenv("MESHFORM_DISCOVERY_CACHE");
  ::unsetenv("MESHFORM_CACHE_DIR");
  ::setenv("XDG_CACHE_HOME", "/tmp/xdg", 1);
  EXPECT_EQ(DefaultDiscoveryCacheRoot(), "/tmp/xdg/meshform/discovery");
  ::unsetenv("XDG_CACHE_HOME");
}

}  // namespace
}  // namespace meshform::kube
