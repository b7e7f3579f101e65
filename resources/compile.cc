// The compile pipeline.
#include "resources/compile.h"

#include <sstream>
#include <string_view>
#include <unordered_map>

#include "engine/util/strings.h"
#include "resources/cacerts.h"
#include "resources/control_plane.h"
#include "resources/direct.h"
#include "resources/federated.h"
#include "resources/gateway.h"
#include "resources/karmada_crds.h"
#include "resources/karmada_join.h"
#include "resources/karmada_policies.h"
#include "resources/kubefed_crds.h"
#include "resources/kubefed_join.h"
#include "resources/namespaces.h"
#include "resources/ordering.h"
#include "resources/raw_manifests.h"
#include "resources/remote_reader.h"
#include "resources/services.h"
#include "resources/state_objects.h"
#include "resources/values.h"

namespace meshform::resources {

namespace {

std::string LocationText(const topology::Location& l) {
  if (l.file.empty()) return "(generated)";
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

// Errors are split into lines so that every problem is one entry.
void Collect(const Error& e, std::vector<std::string>& problems) {
  std::stringstream in(e.what());
  for (std::string line; std::getline(in, line);) problems.push_back(line);
}

void CheckUnique(const ResourceSet& set, std::vector<std::string>& problems) {
  std::unordered_map<std::string_view, size_t> seen;
  seen.reserve(set.size());
  for (size_t i = 0; i < set.size(); ++i) {
    auto [it, inserted] = seen.emplace(set[i].address, i);
    if (inserted) continue;
    problems.push_back(LocationText(set[i].origin) + ": resource " + set[i].address +
                       " is defined twice (also at " + LocationText(set[it->second].origin) + ")");
  }
}

// About how many resources `t` compiles to (workloads dominate large topologies); only for
// reserving memory.
size_t EstimatedSize(const topology::Topology& t) {
  size_t n = 64 * t.clusters.size();
  for (const auto& w : t.workloads) n += 2 * w.placement.size();
  return n;
}

void CompileMeshform(const topology::Topology& t, ResourceSet& out) {
  CompileNamespaces(t, out);
  CompileCaCerts(t, out);
  CompileGateways(t, out);
  CompileRemoteReaders(t, out);
  for (const auto& c : t.clusters) out.push_back(EndpointValue(c));
  CompileKubefedCrds(t, out);
  CompileKubefedJoin(t, out);
  CompileFederated(t, out);
  CompileKarmadaCrds(t, out);
  CompileKarmadaJoin(t, out);
  CompileKarmadaPolicies(t, out);
  CompileDirectPlacement(t, out);
  CompileServices(t, out);
}

}  // namespace

CompileError::CompileError(std::vector<std::string> problems)
    : Error(util::Join(problems)), problems_(std::move(problems)) {}

ResourceSet Compile(const topology::Topology& t, util::ProcessRunner& runner) {
  ResourceSet out;
  std::vector<std::string> problems;
  out.reserve(EstimatedSize(t));
  CompileMeshform(t, out);
  try {
    CompileControlPlanes(t, runner, out);
  } catch (const Error& e) {
    Collect(e, problems);
  }
  try {
    CompileRawManifests(t, out);
  } catch (const Error& e) {
    Collect(e, problems);
  }
  CheckUnique(out, problems);
  if (!problems.empty()) throw CompileError(std::move(problems));
  ApplyOrderingRules(out);
  Normalize(out);
  AddStateResources(t.name, InventoryCluster(t), t.ca.root.generate, out);
  return out;
}

}  // namespace meshform::resources
