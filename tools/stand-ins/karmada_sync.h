// The Karmada stand-in: its controllers' effect (resource detector, scheduler, binding and
// execution controllers) in one polled pass, over the clusters' own API servers. Every cluster
// that serves policy.karmada.io PropagationPolicies is a Karmada control plane; its
// cluster.karmada.io Clusters are its members, each mapped to one of the stand-ins' clusters by
// spec.apiEndpoint equal to that cluster's kubeconfig server (what `karmadactl join` and
// meshform write), else by name equal to the context; mapped ones get condition Ready=True.
// For every template (TemplateKinds(): Deployment, Service) a PropagationPolicy of its
// namespace selects, or that carries the policy labels from an earlier pass, it
//   - claims it: labels propagationpolicy.karmada.io/{name,namespace} and the finalizer
//     karmada.io/binding-controller;
//   - in each placed member: creates the member object (karmada_objects.h's MemberObject, the
//     OverridePolicies of the namespace selecting the template applied in name order) or
//     updates one it manages (karmada.io/managed=true) that no longer holds it; in each member
//     not placed: deletes the object it manages; a member whose API server is the control
//     plane's own holds the template itself: nothing is written there;
//   - writes the ResourceBinding <name>-<kind> (spec and status: Scheduled, FullyApplied,
//     aggregatedStatus with each member object's health);
//   - once the template is being deleted: deletes the member objects it manages, then the
//     binding, then removes its finalizer (so deleting a template and waiting until it is gone
//     waits until the member objects are gone).
// A template whose policy is gone is left as it is (its members keep their objects). A template
// found propagated and healthy is looked at again only every tenth pass (about 2 s) unless it,
// its policy or an override policy changed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/kube/client.h"
#include "tools/stand-ins/karmada_objects.h"
#include "tools/stand-ins/sync_helpers.h"
#include "tools/stand-ins/sync_worker.h"

namespace meshform::standins {

class KarmadaSync : public Syncer {
 public:
  explicit KarmadaSync(std::vector<kube::Client*> clusters);
  int Sync() override;

 private:
  struct Member {
    std::string name;
    kube::Client* client = nullptr;
  };

  std::vector<Member> Members(kube::Client& host);
  // The templates to look at: claimed ones (policy labels) and those the policies name.
  std::map<std::string, nlohmann::json> Templates(kube::Client& host,
                                                  const std::vector<nlohmann::json>& policies);
  void SyncTemplate(kube::Client& host, nlohmann::json tmpl,
                    const std::vector<nlohmann::json>& policies,
                    const std::vector<nlohmann::json>& overrides,
                    const std::vector<Member>& members);
  bool Claim(kube::Client& host, nlohmann::json& tmpl, const nlohmann::json& policy);
  ClusterResult Ensure(kube::Client& host, const Member& member, const nlohmann::json& tmpl,
                       const nlohmann::json& desired);
  // Deletes the managed member object; true when none is left (or only an unmanaged one).
  bool Remove(kube::Client& host, const Member& member, const nlohmann::json& tmpl);
  void WriteBinding(kube::Client& host, const nlohmann::json& tmpl, const nlohmann::json& policy,
                    const std::vector<std::string>& placed,
                    const std::map<std::string, ClusterResult>& results);
  void Finalize(kube::Client& host, nlohmann::json tmpl, const std::vector<Member>& members);

  std::vector<kube::Client*> clusters_;
  // True when the template was found propagated and healthy, with the same template, policy
  // and override policies, less than ten passes ago: its members are then not read again yet
  // (as KubeFed's stand-in: reading them every pass loads the shared machine).
  bool RecentlyInSync(const std::string& uid, const std::string& signature) const;

  ServedLists lists_;
  std::map<std::string, std::pair<std::string, int>> checked_;  // uid -> (signature, pass)
  int passes_ = 0;
  int writes_ = 0;
};

}  // namespace meshform::standins
