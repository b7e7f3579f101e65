// The KubeFed sync-controller stand-in (kubernetes-retired/kubefed v0.10's
// pkg/controller/sync, polled instead of watched). Every cluster that serves the federated
// types is a host; its KubeFedCluster objects are its members. Each KubeFedCluster names one; it is
// mapped to one of the stand-ins' clusters by its spec.apiEndpoint (the member's API server URL, as
// `kubefedctl join` and meshform write it) equal to that cluster's kubeconfig server, else by its
// name equal to the kubeconfig context. For every federated object of the types in FederatedTypes()
// the host holds, it
//   - keeps the finalizer kubefed.io/sync-controller on it;
//   - in each member of the placement: creates the target object (kubefed_objects.h's
//     TargetObject, labelled kubefed.io/managed=true) or updates one it manages when it no
//     longer holds the template and overrides;
//   - in each member not placed: deletes the target object it manages;
//   - writes status: observedGeneration, condition Propagation, clusters[] (name, status);
//   - once the federated object is being deleted: deletes the managed target objects, then
//     removes its finalizer (so that deleting a federated object and waiting until it is gone
//     waits until the member objects are gone).
// It never writes or deletes a member object without kubefed.io/managed=true. A pre-existing
// unmanaged object that already holds the template is reported in sync (KubeFed reports
// AlreadyExists unless annotated kubefed.io/conflict-resolution=adopt, and adopts the host's
// own namespace); one that does not is reported AlreadyExists.
// Each KubeFedCluster it can map gets status condition Ready=True (KubeFed's cluster health).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/kube/client.h"
#include "tools/stand-ins/kubefed_objects.h"
#include "tools/stand-ins/sync_helpers.h"
#include "tools/stand-ins/sync_worker.h"

namespace meshform::standins {

class KubefedSync : public Syncer {
 public:
  explicit KubefedSync(std::vector<kube::Client*> clusters);
  // One pass over every host; returns how many member objects were written or deleted.
  int Sync() override;

 private:
  struct Member {
    KubefedMember kubefed;
    kube::Client* client = nullptr;
  };

  std::vector<Member> Members(kube::Client& host);
  kube::Client* ClusterFor(const nlohmann::json& kubefed_cluster);
  void MarkReady(kube::Client& host, nlohmann::json kubefed_cluster);
  void SyncObject(kube::Client& host, const FederatedType& type, nlohmann::json federated,
                  const std::vector<Member>& members);
  // The cluster's status after making the target object match; "" when in sync.
  std::string Ensure(const Member& member, const FederatedType& type,
                     const nlohmann::json& federated);
  // Deletes a managed target object; true when none is left (or only an unmanaged one).
  bool Remove(kube::Client& host, const Member& member, const FederatedType& type,
              const nlohmann::json& federated);
  void Finalize(kube::Client& host, const FederatedType& type, nlohmann::json federated,
                const std::vector<Member>& members);
  bool EnsureFinalizer(kube::Client& host, nlohmann::json& federated);
  // True when this generation of `federated` was found in sync less than ten passes ago: the
  // members are then not read again yet (reading them every pass loaded the shared machine).
  bool RecentlyInSync(const nlohmann::json& federated);

  std::vector<kube::Client*> clusters_;
  ServedLists lists_;
  std::map<std::string, std::pair<int64_t, int>> checked_;  // uid -> (generation, pass) in sync
  int passes_ = 0;
  int writes_ = 0;
};

}  // namespace meshform::standins
