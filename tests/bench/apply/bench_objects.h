// The benchmark's objects and its peers: ConfigMaps spread over the clusters, the plan meshform
// executes for them, the file kubectl applies, and `hey` sending no-op server-side applies.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/kube/cluster_clients.h"
#include "engine/plan/plan.h"

namespace meshform::bench {

using ObjectSets = std::map<std::string, std::vector<nlohmann::json>>;  // cluster -> objects

// `per_cluster` ConfigMaps in namespace `<ns_prefix>-<cluster>` of each cluster.
ObjectSets MakeObjects(const std::vector<std::string>& clusters, const std::string& ns_prefix,
                       int per_cluster);
// A plan with one change per object (kUpdate changes carry the object as `live`, as a planner
// would, so that applying them reads nothing first).
plan::Plan PlanOf(const ObjectSets& sets, plan::Action action);
// A v1 List of the objects, as JSON, for kubectl -f.
void WriteList(const std::vector<nlohmann::json>& objects, const std::string& path);
void CreateNamespaces(const kube::ClusterClients& clients, const ObjectSets& sets);
// Deletes the namespaces and waits until they are gone: their objects' deletion would
// otherwise load the servers during the next measurement.
void DeleteNamespaces(const kube::ClusterClients& clients, const ObjectSets& sets);
// A kubeconfig (written to `dir`) for `clusters` of the harness's kubeconfig that
// authenticates with each cluster's static admin token, as `hey` does: every contender then
// sends the same requests with the same credentials (an API server spends more per request on
// a client certificate than on a token). Returns its path.
std::string WriteTokenKubeconfig(const std::string& harness_kubeconfig,
                                 const std::vector<std::string>& clusters, const std::string& dir);

// Requests/s of no-op server-side applies of the first object of each cluster, sent by `hey`
// (-c 32 per cluster, the three clusters at once, `total` requests in all): all requests over
// the wall time of the whole run.
double HeyNoOpApplyRate(const std::string& kubeconfig, const std::vector<std::string>& clusters,
                        const ObjectSets& sets, int total, const std::string& dir);

}  // namespace meshform::bench
