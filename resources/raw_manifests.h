// The escape hatch: extra manifests per cluster (a YAML file and/or documents written inline in
// the topology), planned like every other object. Each object depends on the addresses listed
// in the manifest entry's dependsOn (checked when the graph is built) and carries the
// ownership labels. The file is read relative to the topology file's folder.
#pragma once

#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::resources {

// Throws meshform::Error ("file:line:col: manifests[i]...: message") for an unreadable file, bad
// YAML or a document without apiVersion, kind or metadata.name.
void CompileRawManifests(const topology::Topology& t, ResourceSet& out);

}  // namespace meshform::resources
