// A no-change plan of a generated topology of about 900 objects over 3 clusters reads the live
// state with one LIST per (cluster, kind) plus one discovery request per (cluster, group
// version): the count does not grow with the number of objects. With discovery's disk cache
// warm (a second run), it sends no discovery request at all.
#include <gtest/gtest.h>

#include <atomic>
#include <regex>
#include <set>
#include <sstream>

#include "engine/cli/plan_pipeline.h"
#include "engine/kube/curl_transport.h"
#include "tests/support/clusters.h"
#include "tests/support/commands.h"
#include "tests/support/topology_gen.h"

namespace meshform::testing {
namespace {

// Counts every HTTP request, then sends it for real.
class CountingTransport : public kube::Transport {
 public:
  kube::HttpResponse RoundTrip(const kube::HttpRequest& request) override {
    ++total_;
    static const std::regex kDiscovery("^https?://[^/]+/(api/v1|apis/[^/?]+/[^/?]+)/?$");
    if (request.method == "GET" && std::regex_match(request.url, kDiscovery)) ++discovery_;
    return real_.RoundTrip(request);
  }
  int total() const { return total_; }
  int discovery() const { return discovery_; }

 private:
  kube::CurlTransport real_;
  std::atomic<int> total_{0};
  std::atomic<int> discovery_{0};
};

struct Counted {
  int requests;
  int discovery_requests;
  int kinds;          // distinct (cluster, apiVersion, kind) of desired objects
  int groupversions;  // distinct (cluster, apiVersion)
  int objects;
  bool changes;
};

Counted CountNoChangePlan(const std::string& file, const std::string& discovery_cache = "") {
  std::ostringstream err;
  auto compiled = cli::LoadAndCompile(file, err);
  if (!compiled) throw std::runtime_error(err.str());
  auto counting = std::make_shared<CountingTransport>();
  kube::ClientOptions options;
  options.transport = counting;
  options.discovery_cache_root = discovery_cache;
  auto connected = cli::ConnectClients(compiled->topology, TestKubeconfig(), options);
  kube::ClusterClients& clients = *connected;
  plan::PlanInput input;
  input.topology_name = compiled->topology.name;
  input.inventory_cluster = compiled->topology.clusters.front().name;
  input.resources = &compiled->resources;
  auto p = plan::BuildPlan(input, clients, {});
  std::set<std::string> kinds, gvs;
  int objects = 0;
  for (const auto& r : compiled->resources) {
    if (!r.is_object()) continue;
    ++objects;
    kinds.insert(r.cluster + " " + r.api_version() + " " + r.object_kind());
    gvs.insert(r.cluster + " " + r.api_version());
  }
  return {counting->total(),
          counting->discovery(),
          static_cast<int>(kinds.size()),
          static_cast<int>(gvs.size()),
          objects,
          p.HasChanges()};
}

TEST(PlanRequests, GrowWithKindsTimesClustersNotWithObjects) {
  auto contexts = TestContexts(3);
  std::string dir = MakeTempDir("meshform-count");
  std::string file = dir + "/topology.yaml";
  WriteFile(file, GeneratedTopology("count", 150, contexts));
  auto apply = Meshform("apply -f " + file + " -auto-approve");
  ASSERT_EQ(apply.exit_code, 0) << apply.out << apply.err;

  Counted c = CountNoChangePlan(file);
  EXPECT_FALSE(c.changes);
  EXPECT_GE(c.objects, 900);
  EXPECT_LE(c.requests, c.kinds + c.groupversions + 3)
      << c.objects << " objects, " << c.kinds << " (cluster, kind) pairs, " << c.groupversions
      << " (cluster, group version) pairs";
  EXPECT_GE(c.discovery_requests, 3);  // the count can see discovery requests

  std::string cache = dir + "/discovery-cache";
  Counted cold = CountNoChangePlan(file, cache);
  Counted warm = CountNoChangePlan(file, cache);
  EXPECT_GE(cold.discovery_requests, 3);
  EXPECT_FALSE(warm.changes);
  EXPECT_EQ(warm.discovery_requests, 0) << "a warm discovery cache still sent requests";
  EXPECT_LE(warm.requests, warm.kinds + 3);

  auto destroy = Meshform("destroy -f " + file + " -auto-approve");
  EXPECT_EQ(destroy.exit_code, 0) << destroy.out << destroy.err;
}

}  // namespace
}  // namespace meshform::testing
