// The escape hatch: extra manifests per cluster (a YAML file and/or documents written inline in
// the topology), planned like every other object. Each object depends on the addresses listed
// in the manifest entry's dependsOn (checked when the graph is built) and carries the
// ownership labels. The file is read relative to the topology file's folder.
#pragma once

#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::resources {

// The objects are normalised like renderer output (manifest_normalization.h), except that an
// object without a namespace keeps none. Throws meshform::Error ("file:line:col: manifests[i]...:
// message") for an unreadable file, bad YAML, a document without apiVersion, kind or
// metadata.name, an object printed twice or of an unknown kind of a built-in API group.
void CompileRawManifests(const topology::Topology& t, ResourceSet& out);

}  // namespace meshform::resources
