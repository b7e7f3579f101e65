// The back half shared by plan, apply and destroy: after load → compile → graph
// (topology_pipeline.h), connect to every cluster and build the plan. Errors are printed one per
// line to `err`; nothing is changed in any cluster.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/cli/command.h"
#include "engine/cli/topology_pipeline.h"
#include "engine/kube/cluster_clients.h"
#include "engine/plan/plan.h"
#include "engine/plan/planner.h"

namespace meshform::cli {

struct PlanRequest {
  std::string file;
  std::string kubeconfig;  // "" = kubectl's rules
  plan::PlanOptions options;
  // Of the clients: how long a request keeps retrying a cluster it cannot reach (kube/retry.h).
  // apply and destroy ride out an API server's restart; plan and check fail fast.
  std::chrono::seconds unreachable_budget{0};
};

struct Planned {
  CompiledTopology compiled;
  std::unique_ptr<kube::ClusterClients> clients;
  plan::Plan plan;
  std::string topology_hash;  // of the file and compiled set: computed once, for every re-plan
};

// --adopt and --target, for commands that plan.
po::options_description PlanningOptions();

// The request from parsed options (TopologyOptions, ClusterOptions, PlanningOptions).
PlanRequest RequestFrom(const po::variables_map& vars, plan::Mode mode);

// One client per cluster of `topology`, through its kubeconfig context.
std::unique_ptr<kube::ClusterClients> ConnectClients(const topology::Topology& topology,
                                                     const std::string& kubeconfig,
                                                     const kube::ClientOptions& options = {});

// Loads, compiles and connects to every cluster: a Planned whose plan is still empty. Errors
// (file:line:col for the topology) on `err`.
std::optional<Planned> LoadAndConnect(const PlanRequest& request, std::ostream& err);
// Plans (again) from the live clusters into planned.plan; false on failure (on `err`).
bool PlanAgain(Planned& planned, const PlanRequest& request, std::ostream& err);
// Both: what `meshform plan` does.
std::optional<Planned> LoadAndPlan(const PlanRequest& request, std::ostream& err);

// The cluster that holds the topology's inventory, root CA and lock.
std::string InventoryClusterOf(const Planned& planned);

}  // namespace meshform::cli
