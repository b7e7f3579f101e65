// Reads the live state a plan needs, with as few API requests as possible: per cluster and
// kind, one cluster-wide LIST by the ownership labels; then, only for desired objects it did not
// find (to tell "absent" from "exists but not ours"), a LIST of each namespace they are in (by
// name when a namespace holds one of them), or one cluster-wide LIST when they are spread over
// many namespaces (live_state.cc says why). Every LIST is paged by the client. The number of
// requests grows with kinds × clusters (× namespaces on a first plan), not with objects.
// Clusters, kinds and namespaces are read in parallel.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "engine/kube/cluster_clients.h"

namespace meshform::plan {

// What to read: object identities by cluster.
struct WantedObject {
  std::string cluster;
  std::string api_version;
  std::string kind;
  std::string ns;
  std::string name;
};

struct LiveState {
  std::map<std::string, nlohmann::json> owned;    // by address: objects with meshform's labels
  std::map<std::string, nlohmann::json> unowned;  // by address: wanted objects without them
};

// The label selector of objects meshform manages for `topology`.
std::string OwnershipSelector(const std::string& topology);

// Reads, for every (cluster, apiVersion, kind) of `wanted`, the owned objects of that kind,
// plus the unowned ones among `wanted`. Throws meshform::Error naming cluster and kind.
LiveState ReadLiveState(const std::vector<WantedObject>& wanted, const std::string& topology,
                        const kube::ClusterClients& clients, int parallelism);

}  // namespace meshform::plan
