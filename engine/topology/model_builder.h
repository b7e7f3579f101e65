// Building the in-memory Topology from the loaded JSON. Lenient: values the schema check has
// already rejected read as defaults, and list members keep their indexes, so that semantic
// checks can run on the same run and address members by JSON pointer.
//
// Defaults filled in here (so that the compiler never has to know them):
//  * a cluster without `role` follows the control-plane mode (primary-remote: the control-plane
//    cluster is primary, the others remote; multi-primary: all primary);
//  * a federation without `host` (or no federation at all, which is `direct`) is hosted on the
//    control-plane cluster, or on the first cluster;
//  * CA files, raw-manifest files and a renderer argv[0] containing '/' become absolute paths
//    against the topology file's folder.
#pragma once

#include <string>

#include "engine/topology/model.h"
#include "engine/topology/yaml_positions.h"

namespace meshform::topology {

Topology BuildModel(const YamlDocument& document, const std::string& folder);

// Parts, exposed for model_workloads.cc.
void BuildWorkloads(const YamlDocument& document, Topology* topology);
void BuildManifests(const YamlDocument& document, const std::string& folder, Topology* topology);

}  // namespace meshform::topology
