// The preflight (see preflight.h).
#include "engine/check/preflight.h"

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>
#include <utility>

#include "engine/check/access_review.h"
#include "engine/kube/errors.h"
#include "engine/kube/resource.h"

namespace meshform::check {

namespace {

using nlohmann::json;

// (cluster, group, kind) -> REST name, from the CRDs the plan writes.
using PlannedCrds = std::map<std::tuple<std::string, std::string, std::string>, RestName>;

PlannedCrds CrdsOf(const plan::Plan& plan) {
  PlannedCrds out;
  for (const auto& change : plan.changes) {
    if (!change.resource.is_object()) continue;
    const json& o = change.resource.object;
    if (o.value("kind", "") != "CustomResourceDefinition") continue;
    const json& spec = o.value("spec", json::object());
    const json& names = spec.value("names", json::object());
    out[{change.cluster, spec.value("group", ""), names.value("kind", "")}] = {
        names.value("plural", ""), spec.value("scope", "Namespaced") == "Namespaced"};
  }
  return out;
}

bool NamespaceExists(kube::Client& client, const std::string& ns) {
  return client.GetIfExists({"v1", "Namespace", "", ns}).has_value();
}

std::vector<std::string> Only(const std::string& cluster) { return {cluster}; }

}  // namespace

Resolver PlanResolver(const kube::ClusterClients& clients, const plan::Plan& plan) {
  auto crds = std::make_shared<PlannedCrds>(CrdsOf(plan));
  return [&clients, crds](const std::string& cluster, const std::string& api_version,
                          const std::string& kind) -> std::optional<RestName> {
    try {
      kube::RestMapping m = clients.For(cluster).Mapping(api_version, kind);
      return RestName{m.resource, m.namespaced};
    } catch (const kube::NoKindMatch&) {
    }
    auto it = crds->find({cluster, kube::GroupOf(api_version), kind});
    if (it == crds->end()) return std::nullopt;
    return it->second;
  };
}

std::vector<Check> PlanPermissionChecks(const kube::ClusterClients& clients,
                                        const std::vector<std::string>& clusters,
                                        const plan::Plan& plan, const std::string& lock_ns,
                                        const PreflightOptions& options) {
  PlanAccess access = AccessForPlan(plan, PlanResolver(clients, plan), {options.rollback});
  std::vector<NeededAccess> needed = std::move(access.needed);
  if (!lock_ns.empty() && !plan.inventory_cluster.empty()) {
    bool create_ns = !NamespaceExists(clients.For(plan.inventory_cluster), lock_ns);
    for (auto& n : AccessForLock(plan.inventory_cluster, lock_ns, create_ns)) {
      needed.push_back(std::move(n));
    }
  }
  // The plan may need what the lock needs too: review each tuple once.
  std::sort(needed.begin(), needed.end(),
            [](const NeededAccess& a, const NeededAccess& b) { return a.access < b.access; });
  needed.erase(std::unique(needed.begin(), needed.end(),
                           [](const NeededAccess& a, const NeededAccess& b) {
                             return a.access == b.access;
                           }),
               needed.end());
  std::vector<Check> out = PermissionChecks(
      clusters, needed, ReviewAccess(clients, needed, options.parallelism), "the plan");
  if (!access.unknown.empty()) {
    Check kinds{"permissions", "kinds", "", Result::kFail};
    kinds.message = std::to_string(access.unknown.size()) +
                    " planned objects are of kinds their cluster does not serve";
    kinds.details = std::move(access.unknown);
    kinds.hint = "install the CRDs they need first, or add them to the topology";
    out.push_back(std::move(kinds));
  }
  return out;
}

std::vector<Check> LockPermissionChecks(const kube::ClusterClients& clients,
                                        const std::string& host, const std::string& lock_ns,
                                        int parallelism) {
  bool create_ns = !NamespaceExists(clients.For(host), lock_ns);
  auto needed = AccessForLock(host, lock_ns, create_ns);
  return PermissionChecks(Only(host), needed, ReviewAccess(clients, needed, parallelism),
                          "the topology's lock");
}

}  // namespace meshform::check
