// The permissions a run needs, as (cluster, verb, group, resource, namespace) tuples, each with
// the first object that needs it: what a plan's writes, their rollback and their readiness waits
// do, and what the topology's lock does. Pure: the REST names of kinds come from a Resolver.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/plan/plan.h"

namespace meshform::check {

struct Access {
  std::string cluster;
  std::string verb;      // create, patch, update, delete, get, list, escalate, bind
  std::string group;     // "" for the core group
  std::string resource;  // the REST plural: "deployments"
  std::string ns;        // "" for cluster-scoped resources
  std::string name;      // only where one object is meant (escalate, bind)

  bool operator<(const Access& other) const;
  bool operator==(const Access& other) const;
  // "create apps/deployments in namespace sample", "bind rbac.authorization.k8s.io/clusterroles
  // istio-reader (cluster-wide)".
  std::string Text() const;
};

struct NeededAccess {
  Access access;
  std::string why;            // the first address that needs it, or "the topology's lock"
  bool for_rollback = false;  // needed only to undo (delete what was created, ...)
};

// The REST resource of a kind in a cluster: its plural and whether it is namespaced.
struct RestName {
  std::string resource;
  bool namespaced = true;
};
// Nothing when the kind is unknown there (the preflight then names it).
using Resolver = std::function<std::optional<RestName>(
    const std::string& cluster, const std::string& api_version, const std::string& kind)>;

struct PlanAccessOptions {
  bool rollback = true;  // also what undoing each write needs
};

// Every distinct tuple the plan's changes need, in a stable order. Kinds the resolver does not
// know are returned in `unknown` ("cluster: apiVersion/Kind (address)").
struct PlanAccess {
  std::vector<NeededAccess> needed;
  std::vector<std::string> unknown;
};
PlanAccess AccessForPlan(const plan::Plan& plan, const Resolver& resolve,
                         const PlanAccessOptions& options = {});

// What taking, renewing and removing the topology's lock needs in its host cluster (the Lease
// in `lock_ns`; creating and removing that namespace when `create_namespace`).
std::vector<NeededAccess> AccessForLock(const std::string& host, const std::string& lock_ns,
                                        bool create_namespace);

}  // namespace meshform::check
