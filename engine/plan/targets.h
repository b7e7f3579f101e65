// --target: keep only the named resources and everything they depend on (transitively).
// A target is an address, or a prefix ending in '/' (e.g. "beijing/" for a whole cluster).
#pragma once

#include <string>
#include <vector>

#include "resources/resource.h"

namespace meshform::plan {

// Throws meshform::Error naming a target that matches nothing.
resources::ResourceSet SelectTargets(const resources::ResourceSet& set,
                                     const std::vector<std::string>& targets);

}  // namespace meshform::plan
