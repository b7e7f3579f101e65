// The topology hash recorded in a saved plan (saved_plan.h): what the plan was made from, so
// that applying it refuses a plan of another topology or of a changed file.
#pragma once

#include <string>

#include "resources/resource.h"

namespace meshform::plan {

// "sha256:<hex>" over the topology file's bytes and the compiled resources (so that a changed
// referenced file or renderer output changes it too).
std::string TopologyHash(const std::string& file, const resources::ResourceSet& set);

}  // namespace meshform::plan
