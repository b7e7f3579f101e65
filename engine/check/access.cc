// The permissions a run needs (see access.h).
#include "engine/check/access.h"

#include <map>
#include <tuple>

#include "engine/kube/resource.h"
#include "engine/values/lb_address.h"
#include "engine/values/token.h"

namespace meshform::check {

namespace {

using nlohmann::json;
using plan::Action;

constexpr const char* kRbacGroup = "rbac.authorization.k8s.io";

auto Key(const Access& a) { return std::tie(a.cluster, a.group, a.resource, a.ns, a.verb, a.name); }

// Collects tuples once each, remembering the first need (a forward need wins over a rollback one).
class Needs {
 public:
  void Add(Access access, const std::string& why, bool for_rollback) {
    auto [it, inserted] = needed_.try_emplace(access, NeededAccess{access, why, for_rollback});
    if (!inserted && it->second.for_rollback && !for_rollback) {
      it->second.why = why;
      it->second.for_rollback = false;
    }
  }
  std::vector<NeededAccess> Take() {
    std::vector<NeededAccess> out;
    out.reserve(needed_.size());
    for (auto& [key, need] : needed_) out.push_back(std::move(need));
    return out;
  }

 private:
  std::map<Access, NeededAccess> needed_;
};

// The verbs a change's write needs, and those only its undo needs. Server-side apply is a PATCH
// that the API server also authorizes as "create" when it creates the object; waits and the
// retries of a moved precondition GET it; undoing a create deletes, undoing an update PUTs the
// prior state back, undoing a delete creates it again.
void VerbsOf(Action action, std::vector<const char*>& forward, std::vector<const char*>& undo) {
  switch (action) {
    case Action::kCreate:
      forward = {"patch", "create", "get"};
      undo = {"delete"};
      break;
    case Action::kUpdate:
      forward = {"patch", "get"};
      undo = {"update"};
      break;
    case Action::kReplace:
      forward = {"delete", "patch", "create", "get"};
      undo = {};
      break;
    case Action::kDelete:
      forward = {"delete", "get"};
      undo = {"create"};
      break;
    case Action::kNoOp:
      break;
  }
}

// Roles and bindings: the API server refuses a Role that grants what its author does not hold
// unless they may `escalate`, and a binding to a role they do not hold unless they may `bind` it.
void AddRbacNeeds(const std::string& cluster, const json& object, const std::string& address,
                  Needs& needs) {
  std::string kind = object.value("kind", "");
  std::string ns = object["metadata"].value("namespace", "");
  std::string name = object["metadata"].value("name", "");
  if (kind == "Role" || kind == "ClusterRole") {
    needs.Add({cluster, "escalate", kRbacGroup, kind == "Role" ? "roles" : "clusterroles",
               kind == "Role" ? ns : "", name},
              address, false);
  } else if (kind == "RoleBinding" || kind == "ClusterRoleBinding") {
    const json& ref = object.value("roleRef", json::object());
    std::string role_kind = ref.value("kind", "");
    if (role_kind != "Role" && role_kind != "ClusterRole") return;
    needs.Add({cluster, "bind", kRbacGroup, role_kind == "Role" ? "roles" : "clusterroles",
               kind == "RoleBinding" ? ns : "", ref.value("name", "")},
              address, false);
  }
}

void AddValueNeeds(const plan::Change& change, Needs& needs) {
  const std::string& type = change.resource.value.type;
  const json& params = change.resource.value.params;
  std::string cluster = params.value("cluster", change.cluster);
  if (type == "service-account-token") {
    needs.Add({cluster, "get", "", "secrets", values::TokenSecretRef(params).ns, ""},
              change.address, false);
  } else if (type == "lb-address") {
    needs.Add({cluster, "get", "", "services", values::LbServiceRef(params).ns, ""}, change.address,
              false);
  }
}

}  // namespace

bool Access::operator<(const Access& other) const { return Key(*this) < Key(other); }
bool Access::operator==(const Access& other) const { return Key(*this) == Key(other); }

std::string Access::Text() const {
  std::string what = group.empty() ? resource : group + "/" + resource;
  std::string text = verb + " " + what;
  if (!name.empty()) text += " " + name;
  return text + (ns.empty() ? " (cluster-wide)" : " in namespace " + ns);
}

PlanAccess AccessForPlan(const plan::Plan& plan, const Resolver& resolve,
                         const PlanAccessOptions& options) {
  Needs needs;
  PlanAccess out;
  for (const auto& change : plan.changes) {
    if (change.action == Action::kNoOp) continue;
    if (change.resource.is_value()) {
      if (change.action == Action::kCreate || change.action == Action::kReplace)
        AddValueNeeds(change, needs);
      continue;
    }
    if (!change.resource.is_object()) continue;
    const json& object = change.resource.object;
    std::string api_version = object.value("apiVersion", "");
    std::string kind = object.value("kind", "");
    auto rest = resolve(change.cluster, api_version, kind);
    if (!rest) {
      out.unknown.push_back(change.cluster + ": " + api_version + "/" + kind + " (" +
                            change.address + ")");
      continue;
    }
    std::string ns = rest->namespaced ? object["metadata"].value("namespace", "") : "";
    std::string group = kube::GroupOf(api_version);
    std::vector<const char*> forward, undo;
    VerbsOf(change.action, forward, undo);
    for (const char* verb : forward)
      needs.Add({change.cluster, verb, group, rest->resource, ns, ""}, change.address, false);
    if (options.rollback) {
      for (const char* verb : undo)
        needs.Add({change.cluster, verb, group, rest->resource, ns, ""}, change.address, true);
    }
    if (change.action != Action::kDelete)
      AddRbacNeeds(change.cluster, object, change.address, needs);
  }
  out.needed = needs.Take();
  return out;
}

std::vector<NeededAccess> AccessForLock(const std::string& host, const std::string& lock_ns,
                                        bool create_namespace) {
  Needs needs;
  const std::string why = "the topology's lock";
  // Taken, renewed, and removed with its namespace when a run leaves nothing else behind (a
  // destroy, a complete rollback, a refusal by the preflight).
  for (const char* verb : {"get", "create", "update", "delete"})
    needs.Add({host, verb, "coordination.k8s.io", "leases", lock_ns, ""}, why, false);
  if (create_namespace) {
    for (const char* verb : {"create", "delete"})
      needs.Add({host, verb, "", "namespaces", "", ""}, why, false);
  }
  return needs.Take();
}

}  // namespace meshform::check
