// After a destroy: the topology's lock Lease goes, and so does the namespace meshform-system
// when no meshform state of any topology is left in it (so that destroy leaves the host cluster
// as it was before the first apply).
#pragma once

#include <string>

#include "engine/kube/client.h"

namespace meshform::state {

// Returns true when the namespace was deleted. Throws kube errors other than NotFound.
bool RemoveStateIfUnused(kube::Client& host, const std::string& topology);

}  // namespace meshform::state
