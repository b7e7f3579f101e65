// An in-process stand-in for the LIST endpoints of ConfigMaps and Secrets, behind FakeTransport:
// namespaced and cluster-wide paths, equality label selectors, metadata.name field selectors,
// and `limit`/`continue` paging the way the API server pages (a token names the next offset).
// Records every LIST path it answered.
#pragma once

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/kube/cluster_clients.h"
#include "engine/kube/transport.h"
#include "tests/unit/kube/fake_api.h"

namespace meshform::plan::testing {

class FakeListServer {
 public:
  // Adds an object; `kind` is "ConfigMap" or "Secret"; `data` its data, when not null.
  void Add(const std::string& kind, const std::string& ns, const std::string& name,
           const std::map<std::string, std::string>& labels = {},
           const nlohmann::json& data = nullptr);

  kube::HttpResponse Answer(const kube::HttpRequest& request);

  // The path and query of every LIST answered, decoded ("/api/v1/namespaces/a/configmaps?...").
  std::vector<std::string> Lists() const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::vector<nlohmann::json>> objects_;  // by resource: "configmaps"
  std::vector<std::string> lists_;
};

// A client of cluster "c1" whose requests `server` answers (discovery by the fake API), as
// ClusterClients the planner and the live-state reader take. `server` must outlive it.
struct FakeListCluster {
  FakeListCluster(FakeListServer& server, const kube::ClientOptions& options);
  std::unique_ptr<kube::testing::FakeCluster> cluster;
  std::unique_ptr<kube::ClusterClients> clients;
};

}  // namespace meshform::plan::testing
