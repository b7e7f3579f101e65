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
};

struct Planned {
  CompiledTopology compiled;
  std::unique_ptr<kube::ClusterClients> clients;
  plan::Plan plan;
};

// --adopt and --target, for commands that plan.
po::options_description PlanningOptions();

// The request from parsed options (TopologyOptions, ClusterOptions, PlanningOptions).
PlanRequest RequestFrom(const po::variables_map& vars, plan::Mode mode);

// One client per cluster of `topology`, through its kubeconfig context.
std::unique_ptr<kube::ClusterClients> ConnectClients(const topology::Topology& topology,
                                                     const std::string& kubeconfig,
                                                     const kube::ClientOptions& options = {});

std::optional<Planned> LoadAndPlan(const PlanRequest& request, std::ostream& err);

}  // namespace meshform::cli
