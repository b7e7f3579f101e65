// meshform's own state in the host cluster, in namespace meshform-system:
//   * the inventory, ConfigMaps listing every object meshform manages for a topology in every
//     cluster (resources/inventory.h: what it lists, how it is sharded);
//   * the generated root CA (a Secret), so that the next plan reuses it instead of making a new
//     root by accident.
// Both are ordinary desired resources, compiled like every other (Compile appends them through
// AddStateResources, so the golden files show them), and are planned, applied and destroyed
// like everything else. ParseInventory reads the inventory back. The namespace itself is not: it is
// shared by every topology hosted in the cluster and holds the lock, so the lock creates it
// (state/lock) and destroy removes it once no meshform state is left in it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/topology/model.h"
#include "resources/inventory.h"
#include "resources/resource.h"

namespace meshform::resources {

inline constexpr const char* kStateNamespace = "meshform-system";

std::string RootCaSecretName(const std::string& topology);  // meshform-root-ca-<topology>

// The cluster that holds the inventory, the root CA and the lock: the federation host, else the
// shared control plane's cluster, else the first primary, else the first cluster.
std::string InventoryCluster(const topology::Topology& topology);

// Appends the state resources for a topology whose host cluster is `host`: the root CA Secret
// (when `generated_root`; every intermediate CA then depends on it, so the root is stored
// before anything is issued from it) and the inventory's shards listing every object of `set`
// (and the state objects themselves), each depending on the objects it lists, so that an object
// is written before the shard that lists it.
void AddStateResources(const std::string& topology, const std::string& host, bool generated_root,
                       ResourceSet& set);

}  // namespace meshform::resources
