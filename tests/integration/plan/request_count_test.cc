// A no-change plan of a generated topology of about 900 objects over 3 clusters reads the live
// state with one LIST per (cluster, kind) plus one discovery request per (cluster, group
// version): the count does not grow with the number of objects.
#include <gtest/gtest.h>

#include <atomic>
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
    return real_.RoundTrip(request);
  }
  int total() const { return total_; }

 private:
  kube::CurlTransport real_;
  std::atomic<int> total_{0};
};

struct Counted {
  int requests;
  int kinds;          // distinct (cluster, apiVersion, kind) of desired objects
  int groupversions;  // distinct (cluster, apiVersion)
  int objects;
  bool changes;
};

Counted CountNoChangePlan(const std::string& file) {
  std::ostringstream err;
  auto compiled = cli::LoadAndCompile(file, err);
  if (!compiled) throw std::runtime_error(err.str());
  auto counting = std::make_shared<CountingTransport>();
  kube::ClientOptions options;
  options.transport = counting;
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
  return {counting->total(), static_cast<int>(kinds.size()), static_cast<int>(gvs.size()), objects,
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

  auto destroy = Meshform("destroy -f " + file + " -auto-approve");
  EXPECT_EQ(destroy.exit_code, 0) << destroy.out << destroy.err;
}

}  // namespace
}  // namespace meshform::testing
