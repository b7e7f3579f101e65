// What the federation stand-ins (kubefed_sync.h, karmada_sync.h) share: mapping a member
// registration to a cluster, finalizers and listing kinds the host may not serve yet.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/kube/client.h"

namespace meshform::standins {

// "<namespace>/<name>" (or "<name>") of an object.
std::string NameOf(const nlohmann::json& object);
bool Deleting(const nlohmann::json& object);
bool HasFinalizer(const nlohmann::json& object, const char* finalizer);
void RemoveFinalizer(nlohmann::json& object, const char* finalizer);

// The cluster a member registration (KubeFedCluster, Karmada Cluster) names: the one whose
// kubeconfig server is `api_endpoint` (trailing slashes ignored), else the one whose context is
// `name`; null when none.
kube::Client* ClusterFor(const std::vector<kube::Client*>& clusters,
                         const std::string& api_endpoint, const std::string& name);

// Deletes the member object at `ref` when `managed(live)` says the federation made it (with the
// uid it had as precondition), logging as `who`; counts the delete in `writes`. True when no
// object is left, or only one the federation did not make; false while one is (being) deleted.
bool DeleteManaged(kube::Client& client, const kube::ObjectRef& ref,
                   bool (*managed)(const nlohmann::json&), const char* who, int& writes);

// Gives a member registration the status condition Ready=True (the federation's cluster health
// check), with `condition`'s other fields, unless it has it; logs it.
void MarkClusterReady(kube::Client& host, nlohmann::json cluster, nlohmann::json condition);

// LISTs of kinds a host may not serve yet (its CRD not installed): such a kind is asked for
// again only every tenth pass.
class ServedLists {
 public:
  void NextPass() { ++passes_; }
  // The host's objects of a kind (from the watch cache); nullopt when it does not serve it.
  std::optional<std::vector<nlohmann::json>> List(kube::Client& host,
                                                  const std::string& api_version,
                                                  const std::string& kind,
                                                  const std::string& label_selector = "");

 private:
  std::map<std::string, int> unserved_until_;  // "<cluster> <kind>" -> pass to ask again
  int passes_ = 0;
};

}  // namespace meshform::standins
