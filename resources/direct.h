// Direct placement (federation type `direct`): meshform itself places each workload as a plain
// Deployment in every cluster of its placement, with that cluster's overrides applied.
#pragma once

#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::resources {

void CompileDirectPlacement(const topology::Topology& t, ResourceSet& out);

}  // namespace meshform::resources
