// A first plan over real clusters, with the client's LIST page size forced down to 3 and more
// unowned objects in the way than fit one page: the plan finds every one of them (all pages
// read), looks for them with LISTs of their own namespace (the request log shows the paths),
// and never LISTs Services or Secrets unfiltered over a whole cluster.
#include <gtest/gtest.h>

#include <mutex>
#include <set>
#include <sstream>

#include "engine/cli/plan_pipeline.h"
#include "engine/kube/curl_transport.h"
#include "tests/support/clusters.h"
#include "tests/support/commands.h"
#include "tests/support/topology_gen.h"

namespace meshform::testing {
namespace {

// Records the path of every request, then sends it for real.
class RecordingTransport : public kube::Transport {
 public:
  kube::HttpResponse RoundTrip(const kube::HttpRequest& request) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      paths_.push_back(request.url.substr(request.url.find('/', 8)));
    }
    return real_.RoundTrip(request);
  }
  std::vector<std::string> Paths() const {
    std::lock_guard<std::mutex> lock(mu_);
    return paths_;
  }

 private:
  kube::CurlTransport real_;
  mutable std::mutex mu_;
  std::vector<std::string> paths_;
};

std::string ServiceYaml(const std::string& ns, const std::string& name) {
  return "apiVersion: v1\nkind: Service\nmetadata: {name: " + name + ", namespace: " + ns +
         "}\nspec: {ports: [{name: http, port: 8080}]}\n";
}

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

TEST(PagedPlan, AFirstPlanFindsEveryObjectInTheWayAcrossPages) {
  constexpr int kWorkloads = 8;
  auto contexts = TestContexts(3);
  std::string ns = UniqueName("paged");
  std::string dir = MakeTempDir("meshform-paged");
  std::string file = dir + "/topology.yaml";
  WriteFile(file, GeneratedTopology(UniqueName("paged"), kWorkloads, contexts, ns));
  // Services of the topology's workloads that someone else created, in the first cluster.
  std::string existing = "apiVersion: v1\nkind: Namespace\nmetadata: {name: " + ns + "}\n";
  for (int w = 0; w < kWorkloads; ++w)
    existing += "---\n" + ServiceYaml(ns, "w" + std::to_string(w));
  auto created = Kubectl(contexts[0], "apply -f -", existing);
  ASSERT_EQ(created.exit_code, 0) << created.err;

  std::ostringstream err;
  auto compiled = cli::LoadAndCompile(file, err);
  ASSERT_TRUE(compiled) << err.str();
  auto recording = std::make_shared<RecordingTransport>();
  kube::ClientOptions options;
  options.transport = recording;
  options.list_page_size = 3;
  auto clients = cli::ConnectClients(compiled->topology, TestKubeconfig(), options);
  plan::PlanInput input;
  input.topology_name = compiled->topology.name;
  input.inventory_cluster = compiled->topology.clusters.front().name;
  input.resources = &compiled->resources;
  plan::PlanOptions plan_options;
  plan_options.adopt = true;
  plan_options.confirm_with_dry_run = false;
  auto p = plan::BuildPlan(input, *clients, plan_options);

  std::set<std::string> adopted, created_services;
  for (const auto& c : p.changes) {
    if (c.cluster != contexts[0] || c.resource.object_kind() != "Service") continue;
    if (c.address.find("/" + ns + "/") == std::string::npos) continue;
    (c.adopt ? adopted : created_services).insert(c.address);
  }
  EXPECT_EQ(adopted.size(), static_cast<size_t>(kWorkloads)) << "pages were lost";
  EXPECT_TRUE(created_services.empty()) << *created_services.begin();

  int pages_of_the_namespace = 0;
  for (const auto& path : recording->Paths()) {
    if (StartsWith(path, "/api/v1/namespaces/" + ns + "/services?limit=3")) {
      ++pages_of_the_namespace;
    }
    EXPECT_FALSE(StartsWith(path, "/api/v1/services?limit="))
        << "unfiltered cluster LIST: " << path;
    EXPECT_FALSE(StartsWith(path, "/api/v1/secrets?limit=")) << "unfiltered cluster LIST: " << path;
    std::string resource = path.substr(0, path.find('?'));
    bool list = resource.size() > 9 && (resource.rfind("/services") == resource.size() - 9 ||
                                        resource.rfind("/secrets") == resource.size() - 8);
    EXPECT_TRUE(!list || path.find("limit=3") != std::string::npos) << "unpaged LIST: " << path;
  }
  EXPECT_EQ(pages_of_the_namespace, 3) << "8 Services in pages of 3";

  Kubectl(contexts[0], "delete namespace " + ns + " --wait=false");
}

}  // namespace
}  // namespace meshform::testing
