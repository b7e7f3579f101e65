// Semantic checks: what the schema cannot say. Each check reads the built model and reports
// through a CheckContext, which pins diagnostics on the JSON pointer of the offending value.
#pragma once

#include <string>
#include <vector>

#include "engine/topology/diagnostic.h"
#include "engine/topology/model.h"
#include "engine/topology/yaml_positions.h"

namespace meshform::topology {

struct CheckContext {
  const Topology& topology;
  const YamlDocument& document;
  std::string folder;  // the topology file's folder; relative paths resolve against it
  Diagnostics* diagnostics;

  // A diagnostic at the value `pointer` names (or its nearest written ancestor).
  void At(const std::string& pointer, const std::string& message) const;
  // A diagnostic at the key of the mapping member `pointer` names.
  void AtKey(const std::string& pointer, const std::string& message) const;
  // Whether `pointer` was written in the file.
  bool Written(const std::string& pointer) const;
  // The string written at `pointer` ("" when absent or not a string).
  std::string StringAt(const std::string& pointer) const;
  // "unknown cluster 'x' (did you mean 'y'?)".
  std::string UnknownCluster(const std::string& name) const;
  // Whether a reference to cluster `name` dangles. With no cluster declared at all (already
  // reported by the schema) references are not reported one by one.
  bool DanglingCluster(const std::string& name) const;
  std::vector<std::string> ClusterNames() const;
};

void CheckReferences(const CheckContext& context);    // reference_check.cc
void CheckControlPlane(const CheckContext& context);  // control_plane_check.cc
void CheckWorkloads(const CheckContext& context);     // workload_check.cc
void CheckCa(const CheckContext& context);            // ca_check.cc
void CheckManifests(const CheckContext& context);     // manifest_check.cc

// All of the above.
void CheckSemantics(const CheckContext& context);

}  // namespace meshform::topology
