// Builds a plan: reads the live state of every cluster (LIST per cluster and kind, by the
// ownership labels), resolves what values it can (reused CAs, issued tokens, assigned
// addresses), diffs every desired object with server-side-apply semantics (confirmed by a
// server dry-run where a local comparison cannot be exact), and plans deletions of owned
// objects the topology no longer declares (from the inventory).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "engine/kube/cluster_clients.h"
#include "engine/plan/plan.h"
#include "engine/util/error.h"
#include "resources/resource.h"

namespace meshform::plan {

struct PlanOptions {
  Mode mode = Mode::kApply;
  bool adopt = false;  // take over existing objects that meshform does not own
  bool confirm_with_dry_run = true;
  std::vector<std::string> targets;  // --target ADDRESS: only these and their dependencies
  std::chrono::hours ca_renew_before{24 * 30};  // reissue intermediates expiring sooner
  int parallelism = 16;
};

struct PlanInput {
  std::string topology_name;
  std::string topology_hash;
  std::string inventory_cluster;                      // the host cluster
  const resources::ResourceSet* resources = nullptr;  // compiled, normalized
};

// Every problem that prevents a plan, one line each.
class PlanError : public Error {
 public:
  explicit PlanError(std::vector<std::string> problems);
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<std::string> problems_;
};

// Throws PlanError (a meshform::Error listing every problem: unowned objects in the way,
// unreadable clusters) when no plan can be made.
Plan BuildPlan(const PlanInput& input, const kube::ClusterClients& clients,
               const PlanOptions& options);

}  // namespace meshform::plan
