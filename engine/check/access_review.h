// Asks each cluster whether its kubeconfig user may do what a run needs: one
// SelfSubjectAccessReview per distinct tuple (authorization.k8s.io/v1), all of them in parallel
// up to a cap, and turns the answers into the checks of the "permissions" category: per cluster,
// every missing permission listed at once (with the object that needs it), and warnings where a
// Role, ClusterRole or binding may be refused for escalation.
#pragma once

#include <string>
#include <vector>

#include "engine/check/access.h"
#include "engine/check/report.h"
#include "engine/kube/cluster_clients.h"

namespace meshform::check {

struct Review {
  bool allowed = false;
  std::string reason;  // the authorizer's reason or evaluation error, when it gave one
  std::string error;   // the review itself failed (then `allowed` says nothing)
};

// POSTs one SelfSubjectAccessReview (`review`, without a name) and returns the server's answer
// with its status. Typed kube errors are thrown (Unauthorized for refused credentials).
nlohmann::json SendReview(kube::Client& client, const nlohmann::json& review);

// One review per entry of `needed` (they are distinct), at most `parallelism` at once.
std::vector<Review> ReviewAccess(const kube::ClusterClients& clients,
                                 const std::vector<NeededAccess>& needed, int parallelism);

// The checks for `needed` and its reviews: per cluster in `clusters`, one "permissions" check
// (pass, or fail listing each missing one), and an "escalation" warning when escalate or bind
// is denied. `what` names the run: "the plan", "the topology's lock".
std::vector<Check> PermissionChecks(const std::vector<std::string>& clusters,
                                    const std::vector<NeededAccess>& needed,
                                    const std::vector<Review>& reviews, const std::string& what);

}  // namespace meshform::check
