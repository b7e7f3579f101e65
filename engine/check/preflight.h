// The preflight of apply and destroy, and of `meshform check --pre`: may this run's user do what
// the plan and the lock need, in every cluster? Resolves each planned kind to its REST resource
// (through the clusters' discovery, or through a CRD of the same plan for custom resources whose
// CRD is not installed yet), reviews every distinct permission once, and reports the "permissions"
// category. Reads only: SelfSubjectAccessReviews are not stored by the API server.
#pragma once

#include <string>
#include <vector>

#include "engine/check/access.h"
#include "engine/check/report.h"
#include "engine/kube/cluster_clients.h"
#include "engine/plan/plan.h"

namespace meshform::check {

struct PreflightOptions {
  bool rollback = true;  // also what undoing each write needs
  int parallelism = 32;  // reviews in flight at once
};

// Discovery of each cluster, then the CRDs that `plan` creates there.
Resolver PlanResolver(const kube::ClusterClients& clients, const plan::Plan& plan);

// The permission checks for what `plan` needs (and, with `lock_ns`, the lock in the plan's
// inventory cluster), one per cluster of `clusters`; kinds no cluster serves or plans fail too.
std::vector<Check> PlanPermissionChecks(const kube::ClusterClients& clients,
                                        const std::vector<std::string>& clusters,
                                        const plan::Plan& plan, const std::string& lock_ns,
                                        const PreflightOptions& options);

// The lock's own permissions only, before it is taken (a run refused by them writes nothing).
std::vector<Check> LockPermissionChecks(const kube::ClusterClients& clients,
                                        const std::string& host, const std::string& lock_ns,
                                        int parallelism);

}  // namespace meshform::check
