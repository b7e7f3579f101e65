// The real StepRunner: objects through the Kubernetes clients (server-side apply with field
// manager meshform, replace = delete + wait gone + create, delete + wait gone, then the kind's
// wait; discovery refreshed after a CRD), values generated or observed into the plan's
// ValueStore (value_steps.h). Every write is journaled first; Undo reverses one effect.
#pragma once

#include <atomic>
#include <chrono>
#include <string>

#include "engine/apply/step_runner.h"
#include "engine/apply/waiter.h"
#include "engine/kube/cluster_clients.h"
#include "engine/values/value_store.h"

namespace meshform::apply {

struct KubeRunnerOptions {
  bool force_conflicts = false;         // --force-conflicts: take over fields of other managers
  std::string kubeconfig_path;          // for cluster-endpoint values ("" = kubectl's rules)
  std::string topology_name;            // names the persisted root CA Secret
  std::string inventory_cluster;        // where the root CA Secret lives
  std::chrono::milliseconds poll{200};  // between retries of a kind discovery does not know yet
  // When set and true (the lock was lost), no further object write is sent: the step fails.
  const std::atomic<bool>* lock_lost = nullptr;
};

class KubeStepRunner : public StepRunner {
 public:
  KubeStepRunner(const kube::ClusterClients& clients, values::ValueStore& values, Waiter& waiter,
                 KubeRunnerOptions options);

  void Run(const plan::Change& change, Journal& journal) override;
  void Undo(const Effect& effect) override;

 private:
  void RunObject(const plan::Change& change, Journal& journal);
  void ApplyObject(const plan::Change& change, const nlohmann::json& desired, Journal& journal);
  void DeleteObject(const plan::Change& change, Journal& journal);
  void UndoObject(const Effect& effect);
  void RefuseIfLockLost(const plan::Change& change) const;

  const kube::ClusterClients& clients_;
  values::ValueStore& values_;
  Waiter& waiter_;
  KubeRunnerOptions options_;
};

// Written by apply/create: delete it again. Updated: PUT the prior object back. Deleted:
// create it again. (Used by KubeStepRunner::Undo; exposed for tests.)
void UndoObjectEffect(kube::Client& client, Waiter& waiter, const Effect& effect);

// apiVersion, kind, metadata.name/namespace of `object` (Effect::identity).
nlohmann::json Identity(const nlohmann::json& object);

// `object` without what the server sets (uid, resourceVersion, timestamps, managedFields,
// status): what recreating it sends.
nlohmann::json ForRecreate(const nlohmann::json& object);

}  // namespace meshform::apply
