// The KubeFed sync-controller stand-in (see kubefed_sync.h).
#include "tools/stand-ins/kubefed_sync.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "tools/stand-ins/pod_status.h"
#include "tools/stand-ins/sync_helpers.h"

namespace meshform::standins {
namespace {

using nlohmann::json;

kube::ObjectRef TargetRef(const FederatedType& type, const json& federated) {
  const json& metadata = federated.at("metadata");
  return {type.target_api_version, type.target_kind,
          type.target_namespaced ? metadata.value("namespace", "") : "",
          metadata.value("name", "")};
}

bool HasFinalizer(const json& object) { return standins::HasFinalizer(object, kKubefedFinalizer); }

constexpr int kResyncPasses = 10;  // an object found in sync is looked at again after this

std::string UidOf(const json& object) { return object.at("metadata").value("uid", ""); }

int64_t GenerationOf(const json& object) { return object.at("metadata").value("generation", 0); }

bool ConditionTrue(const json& status) {
  const json conditions = status.value("conditions", json::array());
  return !conditions.empty() && conditions[0].value("status", "") == "True";
}

// The host's own namespace holds its federated objects: KubeFed never deletes it.
bool IsHostNamespace(const FederatedType& type, const kube::Client& host,
                     const kube::Client& member) {
  return type.target_kind == "Namespace" && &host == &member;
}

}  // namespace

KubefedSync::KubefedSync(std::vector<kube::Client*> clusters) : clusters_(std::move(clusters)) {}

int KubefedSync::Sync() {
  writes_ = 0;
  ++passes_;
  lists_.NextPass();
  for (kube::Client* host : clusters_) {
    // No members (none joined, or all gone): federated objects still get their status, and
    // their finalizer removed when deleted, as KubeFed does.
    std::vector<Member> members = Members(*host);
    for (const FederatedType& type : FederatedTypes()) {
      auto objects = lists_.List(*host, "types.kubefed.io/v1beta1", type.federated_kind);
      if (!objects) continue;
      for (json& federated : *objects) {
        try {  // one object's failure must not keep the others (or their deletion) waiting
          SyncObject(*host, type, std::move(federated), members);
        } catch (const kube::ApiError& error) {
          spdlog::debug("{}: kubefed {}: {}", host->cluster(), type.federated_kind, error.what());
        }
      }
    }
  }
  return writes_;
}

std::vector<KubefedSync::Member> KubefedSync::Members(kube::Client& host) {
  std::vector<Member> members;
  auto clusters = lists_.List(host, "core.kubefed.io/v1beta1", "KubeFedCluster");
  if (!clusters) return members;
  for (json& kfc : *clusters) {
    kube::Client* client = ClusterFor(kfc);
    if (client == nullptr) continue;  // a cluster these stand-ins cannot reach: not synced
    json labels = kfc["metadata"].value("labels", json::object());
    members.push_back({{kfc["metadata"].value("name", ""), labels}, client});
    MarkReady(host, std::move(kfc));
  }
  return members;
}

kube::Client* KubefedSync::ClusterFor(const json& kfc) {
  const json& spec = kfc.contains("spec") ? kfc["spec"] : json();
  std::string endpoint =
      spec.is_object() && spec.contains("apiEndpoint") && spec["apiEndpoint"].is_string()
          ? spec["apiEndpoint"].get<std::string>()
          : "";
  return standins::ClusterFor(clusters_, endpoint, kfc["metadata"].value("name", ""));
}

void KubefedSync::MarkReady(kube::Client& host, json kfc) {
  json condition = {{"reason", "ClusterReady"},
                    {"message", "/healthz responded with ok"},
                    {"lastProbeTime", NowRfc3339()}};
  MarkClusterReady(host, std::move(kfc), std::move(condition));
}

void KubefedSync::SyncObject(kube::Client& host, const FederatedType& type, json federated,
                             const std::vector<Member>& members) {
  if (Deleting(federated)) {
    Finalize(host, type, std::move(federated), members);
    return;
  }
  if (!EnsureFinalizer(host, federated)) return;
  if (RecentlyInSync(federated)) return;
  std::vector<KubefedMember> names;
  for (const Member& m : members) names.push_back(m.kubefed);
  std::vector<std::string> placed = PlacedClusters(federated, names);
  ClusterStatuses statuses;
  for (const Member& m : members) {
    bool is_placed = std::find(placed.begin(), placed.end(), m.kubefed.name) != placed.end();
    if (is_placed) {
      statuses[m.kubefed.name] = Ensure(m, type, federated);
    } else if (!Remove(host, m, type, federated)) {
      statuses[m.kubefed.name] = "WaitingForRemoval";
    }
  }
  json status = FederatedStatus(federated, statuses, NowRfc3339());
  if (ConditionTrue(status)) {
    checked_[UidOf(federated)] = {GenerationOf(federated), passes_};
  }
  if (federated.contains("status") && SameStatus(federated["status"], status)) return;
  federated["status"] = status;
  try {
    host.ReplaceStatus(federated);
  } catch (const kube::Conflict&) {  // changed since the list: the next pass writes it
  } catch (const kube::NotFound&) {
  }
}

bool KubefedSync::RecentlyInSync(const json& federated) {
  auto it = checked_.find(UidOf(federated));
  if (it == checked_.end() || it->second.first != GenerationOf(federated)) return false;
  if (!federated.contains("status") || !ConditionTrue(federated["status"])) return false;
  return passes_ - it->second.second < kResyncPasses;
}

bool KubefedSync::EnsureFinalizer(kube::Client& host, json& federated) {
  if (HasFinalizer(federated)) return true;
  federated["metadata"]["finalizers"].push_back(kKubefedFinalizer);
  try {
    federated = host.Replace(federated);
    return true;
  } catch (const kube::Conflict&) {
    return false;
  } catch (const kube::NotFound&) {
    return false;
  }
}

std::string KubefedSync::Ensure(const Member& member, const FederatedType& type,
                                const json& federated) {
  json desired;
  try {
    desired = TargetObject(type, federated, member.kubefed.name);
  } catch (const std::runtime_error& error) {
    spdlog::warn("{}: {} {}: {}", member.client->cluster(), type.federated_kind, NameOf(federated),
                 error.what());
    return "ApplyOverridesFailed";
  }
  kube::Client& client = *member.client;
  std::string what = type.target_kind + " " + NameOf(desired);
  std::optional<json> live;
  try {
    live = client.GetIfExists(TargetRef(type, federated));
    if (!live) {
      client.Create(desired);
      ++writes_;
      spdlog::info("{}: kubefed created {}", client.cluster(), what);
      return "";
    }
    if (Deleting(*live)) return "UpdateFailed";  // the next pass creates it again
    if (!IsManaged(*live)) {
      json unmanaged = desired;
      unmanaged["metadata"]["labels"].erase(kKubefedManagedLabel);
      return Holds(*live, unmanaged) ? "" : "AlreadyExists";
    }
    if (Holds(*live, desired)) return "";
    RetainClusterFields(desired, *live);
    client.Replace(desired);
    ++writes_;
    spdlog::info("{}: kubefed updated {}", client.cluster(), what);
    return "";
  } catch (const kube::ApiError& error) {
    spdlog::debug("{}: kubefed {}: {}", client.cluster(), what, error.what());
    return live ? "UpdateFailed" : "CreationFailed";
  }
}

bool KubefedSync::Remove(kube::Client& host, const Member& member, const FederatedType& type,
                         const json& federated) {
  if (IsHostNamespace(type, host, *member.client)) return true;
  return DeleteManaged(*member.client, TargetRef(type, federated), IsManaged, "kubefed", writes_);
}

void KubefedSync::Finalize(kube::Client& host, const FederatedType& type, json federated,
                           const std::vector<Member>& members) {
  if (!HasFinalizer(federated)) return;
  bool all_gone = true;
  for (const Member& m : members) all_gone = Remove(host, m, type, federated) && all_gone;
  if (!all_gone) return;
  RemoveFinalizer(federated, kKubefedFinalizer);
  try {
    host.Replace(federated);
    spdlog::info("{}: kubefed removed its finalizer from {} {}", host.cluster(),
                 type.federated_kind, NameOf(federated));
  } catch (const kube::Conflict&) {
  } catch (const kube::NotFound&) {
  }
}

}  // namespace meshform::standins
