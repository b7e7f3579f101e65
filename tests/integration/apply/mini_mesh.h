// A hand-built plan shaped like the seed's, over N real clusters, for executor tests that do
// not need the planner: per cluster a namespace, the cacerts Secret from an intermediate CA
// issued by a generated root (placeholders), a reader ServiceAccount with its token Secret, a
// CRD and one custom object of it; across clusters a remote secret in the first cluster
// holding a kubeconfig built from the second cluster's endpoint and reader token. Plus, in the
// first cluster, one existing ConfigMap that the plan updates and one that it deletes.
#pragma once

#include <string>
#include <vector>

#include "engine/plan/plan.h"

namespace meshform::apply::testing {

struct MiniMesh {
  std::string prefix;                 // unique: names of namespaces and the CRD group
  std::vector<std::string> clusters;  // contexts
  std::string ns() const { return prefix; }
  std::string crd_group() const { return prefix + ".meshform.test"; }
  // The existing objects the plan updates and deletes (create them before planning).
  nlohmann::json ExistingToUpdate() const;
  nlohmann::json ExistingToDelete() const;
};

// The plan (all creates, but the update and the delete). Values are generated with 2048-bit
// keys so that tests run fast.
plan::Plan MiniMeshPlan(const MiniMesh& mesh);

}  // namespace meshform::apply::testing
