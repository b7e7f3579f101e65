// Plan-time resolution of generated and observed values: what can be known before applying is
// put in the ValueStore (a root CA stored by an earlier apply or read from files, a cacerts
// Secret that is still good, a filled token Secret, an assigned load-balancer address, the
// clusters' endpoints); everything else is planned for creation with the reason.
#pragma once

#include <chrono>
#include <map>
#include <string>

#include "engine/plan/cluster_clients.h"
#include "engine/plan/live_state.h"
#include "engine/plan/plan.h"
#include "resources/resource.h"

namespace meshform::plan {

struct ValueDecision {
  Action action = Action::kCreate;  // kNoOp: known now; kCreate: produced while applying
  std::string reason;
};

struct ValueContext {
  std::string topology;
  std::string inventory_cluster;
  std::chrono::system_clock::time_point now;
  std::chrono::seconds default_renew_before{30 * 24 * 3600};
};

std::map<std::string, ValueDecision> ResolveValues(const resources::ResourceSet& set,
                                                   const LiveState& live,
                                                   const ClusterClients& clients,
                                                   const ValueContext& context, ValueStore& store);

}  // namespace meshform::plan
