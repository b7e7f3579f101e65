// Value steps: generating or observing the values that exist only after apply, by type
// (resources/values.h), into the ValueStore, journaled so that rollback restores the store:
//   ca-root                 reused from the store, read from certFile/keyFile, or generated
//                           (persisted by the state Secret, engine/state/inventory.h)
//   ca-intermediate         issued by the root (pki)
//   service-account-token   read from the token Secret once the API server filled it
//   cluster-endpoint        server and CA of the cluster's kubeconfig context
//   kubeconfig              built from its params as istioctl create-remote-secret does
//   lb-address              the Service's status.loadBalancer.ingress[0] (ip, else hostname)
#pragma once

#include "engine/apply/journal.h"
#include "engine/apply/kube_step_runner.h"
#include "engine/apply/waiter.h"
#include "engine/plan/cluster_clients.h"
#include "engine/plan/plan.h"
#include "engine/plan/value_store.h"

namespace meshform::apply {

struct ValueContext {
  const plan::ClusterClients& clients;
  plan::ValueStore& values;
  Waiter& waiter;
  const KubeRunnerOptions& options;
};

// Computes the value of `change` and stores it (journaled). Throws meshform::Error.
void RunValueStep(const plan::Change& change, ValueContext& context, Journal& journal);

// Puts the store back as it was before a journaled value write.
void UndoValueEffect(plan::ValueStore& values, const Effect& effect);

// Stores `fields` under `address`, journaling the previous fields first.
void SetValue(const plan::Change& change, plan::ValueStore& values, Journal& journal,
              plan::ValueStore::Fields fields);

}  // namespace meshform::apply
