#include "engine/state/cleanup.h"

#include "engine/kube/errors.h"
#include "engine/state/lock.h"
#include "resources/state_objects.h"

namespace meshform::state {

bool RemoveStateIfUnused(kube::Client& host, const std::string& topology) {
  kube::DeleteOptions gone;
  gone.ignore_not_found = true;
  // The Lease only while nobody holds it (the precondition guards against a run that took it
  // after ours released it).
  kube::ObjectRef lease{"coordination.k8s.io/v1", "Lease", resources::kStateNamespace,
                        LockLeaseName(topology)};
  if (auto live = host.GetIfExists(lease)) {
    std::string holder = (*live)["spec"].value("holderIdentity", "");
    if (!holder.empty()) return false;
    kube::DeleteOptions unchanged = gone;
    unchanged.precondition_resource_version = (*live)["metadata"].value("resourceVersion", "");
    try {
      host.Delete(lease, unchanged);
    } catch (const kube::Conflict&) {
      return false;  // taken again meanwhile
    }
  }
  kube::ListOptions in_state;
  in_state.ns = resources::kStateNamespace;
  try {
    for (const char* kind : {"ConfigMap", "Secret"}) {
      for (const auto& item : host.List("v1", kind, in_state).items) {
        std::string name = item["metadata"].value("name", "");
        if (name.rfind("meshform-", 0) == 0) return false;  // another topology's state
      }
    }
    if (!host.List("coordination.k8s.io/v1", "Lease", in_state).items.empty()) return false;
  } catch (const kube::NotFound&) {
    return false;
  }
  return host.Delete({"v1", "Namespace", "", resources::kStateNamespace}, gone).found;
}

}  // namespace meshform::state
