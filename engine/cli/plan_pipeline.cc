#include "engine/cli/plan_pipeline.h"

#include <ostream>
#include <sstream>

#include "engine/kube/discovery_cache.h"
#include "engine/plan/topology_hash.h"
#include "engine/util/phase_timer.h"
#include "resources/state_objects.h"

namespace meshform::cli {

po::options_description PlanningOptions() {
  po::options_description o("Planning");
  o.add_options()("adopt", "take over existing objects that meshform does not own yet")(
      "target", po::value<std::vector<std::string>>()->composing(),
      "only this resource address (or prefix ending in '/') and its dependencies; repeatable");
  return o;
}

PlanRequest RequestFrom(const po::variables_map& vars, plan::Mode mode) {
  PlanRequest r;
  r.file = vars["file"].as<std::string>();
  if (vars.count("kubeconfig")) r.kubeconfig = vars["kubeconfig"].as<std::string>();
  r.options.mode = mode;
  if (vars.count("parallelism")) r.options.parallelism = vars["parallelism"].as<int>();
  r.options.adopt = vars.count("adopt") > 0;
  if (vars.count("target")) r.options.targets = vars["target"].as<std::vector<std::string>>();
  return r;
}

std::unique_ptr<kube::ClusterClients> ConnectClients(const topology::Topology& topology,
                                                     const std::string& kubeconfig,
                                                     const kube::ClientOptions& options) {
  std::vector<kube::ClusterContext> contexts;
  for (const auto& cluster : topology.clusters) contexts.push_back({cluster.name, cluster.context});
  return std::make_unique<kube::ClusterClients>(contexts, kubeconfig, options);
}

std::optional<Planned> LoadAndConnect(const PlanRequest& request, std::ostream& err) {
  auto compiled = LoadAndCompile(request.file, err);
  if (!compiled) return std::nullopt;
  try {
    auto clients = [&] {
      PhaseTimer timer("connect clients");
      kube::ClientOptions options;
      options.retry.unreachable_budget = request.unreachable_budget;
      options.discovery_cache_root = kube::DefaultDiscoveryCacheRoot();
      return ConnectClients(compiled->topology, request.kubeconfig, options);
    }();
    PhaseTimer timer("hash topology");
    std::string hash = plan::TopologyHash(request.file, compiled->resources);
    return Planned{std::move(*compiled), std::move(clients), plan::Plan{}, std::move(hash)};
  } catch (const std::exception& e) {
    err << "Error: " << e.what() << "\n";
  }
  return std::nullopt;
}

bool PlanAgain(Planned& planned, const PlanRequest& request, std::ostream& err) {
  try {
    plan::PlanInput input;
    input.topology_name = planned.compiled.topology.name;
    input.topology_hash = planned.topology_hash;
    input.inventory_cluster = resources::InventoryCluster(planned.compiled.topology);
    input.resources = &planned.compiled.resources;
    planned.plan = plan::BuildPlan(input, *planned.clients, request.options);
    return true;
  } catch (const plan::PlanError& e) {
    err << "Error: no plan could be made:\n";
    for (const auto& p : e.problems()) err << "  " << p << "\n";
  } catch (const std::exception& e) {
    err << "Error: " << e.what() << "\n";
  }
  return false;
}

std::optional<Planned> LoadAndPlan(const PlanRequest& request, std::ostream& err) {
  auto planned = LoadAndConnect(request, err);
  if (!planned || !PlanAgain(*planned, request, err)) return std::nullopt;
  return planned;
}

std::string InventoryClusterOf(const Planned& planned) {
  return resources::InventoryCluster(planned.compiled.topology);
}

}  // namespace meshform::cli
