#include "engine/cli/state_cleanup.h"

#include <iostream>

#include "engine/readiness/waits.h"
#include "engine/state/cleanup.h"
#include "engine/util/phase_timer.h"
#include "resources/state_objects.h"

namespace meshform::cli {

void RemoveUnusedState(const Planned& planned, std::chrono::seconds wait_timeout) {
  try {
    kube::Client& host = planned.clients->For(planned.plan.inventory_cluster);
    if (state::RemoveStateIfUnused(host, planned.plan.topology_name)) {
      PhaseTimer timer(std::string("remove namespace ") + resources::kStateNamespace);
      readiness::WaitOptions wait;
      wait.timeout = wait_timeout;
      readiness::WaitUntilGone(host, {"v1", "Namespace", "", resources::kStateNamespace}, "", wait);
    }
  } catch (const std::exception& e) {
    std::cerr << "Warning: could not remove namespace " << resources::kStateNamespace << ": "
              << e.what() << "\n";
  }
}

}  // namespace meshform::cli
