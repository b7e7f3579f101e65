#include "engine/plan/planner.h"

#include <optional>
#include <set>

#include "engine/plan/dry_run.h"
#include "engine/plan/live_state.h"
#include "engine/plan/namespace_cascade.h"
#include "engine/plan/resolve_values.h"
#include "engine/plan/substitute_known.h"
#include "engine/plan/targets.h"
#include "engine/ssa/editable_content.h"
#include "engine/ssa/immutable_fields.h"
#include "engine/util/parallelism.h"
#include "engine/util/phase_timer.h"
#include "engine/util/strings.h"
#include "resources/ordering.h"
#include "resources/placeholder.h"
#include "resources/state_objects.h"

namespace meshform::plan {
namespace {

using nlohmann::json;

WantedObject Wanted(const std::string& cluster, const json& object) {
  const json& meta = object.at("metadata");
  return {cluster, object.value("apiVersion", ""), object.value("kind", ""),
          meta.value("namespace", ""), meta.value("name", "")};
}

// Objects the inventory lists that the topology no longer declares, to be read and deleted.
std::vector<WantedObject> Forgotten(const resources::LiveInventory& inventory,
                                    const std::set<std::string>& desired) {
  std::vector<WantedObject> out;
  for (const auto& e : inventory.entries) {
    if (!desired.count(e.Address()))
      out.push_back({e.cluster, e.api_version, e.kind, e.ns, e.name});
  }
  return out;
}

bool AppliedByMeshform(const json& object) {
  const json& meta = object.at("metadata");
  if (!meta.contains("managedFields")) return false;
  for (const auto& entry : meta["managedFields"]) {
    if (entry.value("manager", "") == ssa::kFieldManager &&
        entry.value("operation", "") == "Apply") {
      return true;
    }
  }
  return false;
}

class Planner {
 public:
  Planner(const PlanInput& input, const kube::ClusterClients& clients, const PlanOptions& options)
      : input_(input), clients_(clients), options_(options) {}

  Plan Build() {
    if (!options_.targets.empty()) {
      selected_ = SelectTargets(*input_.resources, options_.targets);
      set_ = &selected_;
    }
    plan_.mode = options_.mode;
    plan_.topology_name = input_.topology_name;
    plan_.topology_hash = input_.topology_hash;
    plan_.inventory_cluster = input_.inventory_cluster;
    plan_.adopt = options_.adopt;
    plan_.targets = options_.targets;
    {
      PhaseTimer timer("read live state");
      ReadLive();
    }
    {
      PhaseTimer timer("resolve values");
      ResolveAllValues();
    }
    {
      PhaseTimer timer("diff objects");
      PlanObjects();
    }
    if (!problems_.empty()) throw PlanError(problems_);
    {
      PhaseTimer timer("confirm updates with dry runs");
      ConfirmUpdates();
    }
    {
      PhaseTimer timer("plan deletions");
      PlanDeletions();
    }
    std::sort(plan_.changes.begin(), plan_.changes.end(),
              [](const Change& a, const Change& b) { return a.address < b.address; });
    if (options_.mode == Mode::kDestroy) {
      DeleteInventoryLast();
      MarkNamespaceCascades(plan_);
    } else {
      WriteInventoryAfterPrunes();
    }
    return std::move(plan_);
  }

 private:
  void ReadLive() {
    std::vector<WantedObject> wanted;
    for (const auto& r : *set_) {
      if (r.is_object()) {
        wanted.push_back(Wanted(r.cluster, r.object));
        desired_.insert(r.address);
      }
    }
    live_ = ReadLiveState(wanted, input_.topology_name, clients_, options_.parallelism);
    // Kinds only the inventory still names (dropped from the topology) need a read of their own.
    std::set<std::string> read_kinds;
    for (const auto& w : wanted) read_kinds.insert(w.cluster + " " + w.api_version + " " + w.kind);
    std::vector<WantedObject> extra;
    inventory_ =
        resources::ReadLiveInventory(live_.owned, input_.inventory_cluster, input_.topology_name);
    forgotten_ = Forgotten(inventory_, desired_);
    for (const auto& w : forgotten_) {
      if (!read_kinds.count(w.cluster + " " + w.api_version + " " + w.kind)) extra.push_back(w);
    }
    if (extra.empty()) return;
    auto more = ReadLiveState(extra, input_.topology_name, clients_, options_.parallelism);
    live_.owned.merge(more.owned);
  }

  void ResolveAllValues() {
    values::Context context{clients_, plan_.values, input_.topology_name, input_.inventory_cluster,
                            ""};
    context.default_renew_before = options_.ca_renew_before;
    auto decisions = ResolveValues(*set_, live_, context);
    for (const auto& r : *set_) {
      if (!r.is_value()) continue;
      Change c;
      c.address = r.address;
      c.cluster = r.cluster;
      c.resource = r;
      const auto& d = decisions.at(r.address);
      c.action = options_.mode == Mode::kDestroy ? Action::kNoOp : d.action;
      c.reason = d.reason;
      plan_.changes.push_back(std::move(c));
    }
  }

  // Every object's change, diffed in parallel (each object is independent; the live state and
  // the values are only read), added in the set's order.
  void PlanObjects() {
    std::vector<const resources::Resource*> objects;
    for (const auto& r : *set_)
      if (r.is_object()) objects.push_back(&r);
    std::vector<std::optional<Change>> changes(objects.size());
    std::vector<std::string> problems(objects.size());
    ParallelFor(objects.size(), options_.parallelism,
                [&](size_t i) { changes[i] = PlanObject(*objects[i], problems[i]); });
    for (size_t i = 0; i < objects.size(); ++i) {
      if (!problems[i].empty()) problems_.push_back(std::move(problems[i]));
      if (changes[i]) plan_.changes.push_back(std::move(*changes[i]));
    }
  }

  // The change for one object, or nothing (with `problem` set when it is in the way).
  std::optional<Change> PlanObject(const resources::Resource& r, std::string& problem) const {
    Change c;
    c.address = r.address;
    c.cluster = r.cluster;
    c.resource = r;
    c.resource.object = NormalizeSecret(SubstituteKnown(r.object, plan_.values));
    auto owned = live_.owned.find(r.address);
    auto unowned = live_.unowned.find(r.address);
    if (owned != live_.owned.end()) {
      c.live = owned->second;
    } else if (unowned != live_.unowned.end()) {
      if (options_.mode == Mode::kDestroy) return std::nullopt;  // never delete what isn't ours
      if (!options_.adopt) {
        problem = r.address +
                  ": exists but is not managed by meshform (it lacks the labels "
                  "app.kubernetes.io/managed-by=meshform and meshform.io/topology=" +
                  input_.topology_name + "); use --adopt to take it over";
        return std::nullopt;
      }
      c.live = unowned->second;
      c.adopt = true;
      c.reason = "adopted: exists without meshform's labels";
    }
    if (c.live) {
      c.planned_resource_version = c.live->at("metadata").value("resourceVersion", "");
      c.planned_uid = c.live->at("metadata").value("uid", "");
      c.planned_content_digest = ssa::EditableContentDigest(*c.live);
    }
    Decide(c);
    return c;
  }

  void Decide(Change& c) const {
    if (options_.mode == Mode::kDestroy) {
      c.action = c.live ? Action::kDelete : Action::kNoOp;
      if (c.live) c.reason = "destroy";
      return;
    }
    if (!c.live) {
      c.action = Action::kCreate;
      if (inventory_.listed_by.count(c.address)) c.drift = Drift::kDeleted;
      return;
    }
    c.diff = ssa::DiffObject(c.resource.object, *c.live);
    if (!c.diff.conflicts.empty() && AppliedByMeshform(*c.live)) c.drift = Drift::kChanged;
    if (c.diff.empty()) {
      c.action = c.adopt ? Action::kUpdate : Action::kNoOp;
      return;
    }
    c.action = Action::kUpdate;
    if (auto field =
            ssa::ImmutableChange(c.resource.api_version(), c.resource.object_kind(), c.diff)) {
      c.action = Action::kReplace;
      c.reason = *field + " cannot be changed in place";
    }
  }

  // Updates without placeholders are confirmed by a server dry run, in parallel.
  void ConfirmUpdates() {
    if (!options_.confirm_with_dry_run) return;
    std::vector<Change*> updates;
    for (auto& c : plan_.changes) {
      if (c.action == Action::kUpdate && !c.adopt &&
          resources::FindPlaceholders(c.resource.object).empty()) {
        updates.push_back(&c);
      }
    }
    ParallelFor(updates.size(), options_.parallelism, [&](size_t i) {
      ConfirmWithDryRun(clients_.For(updates[i]->cluster), *updates[i]);
    });
  }

  // Owned objects the topology no longer declares.
  void PlanDeletions() {
    if (!options_.targets.empty()) return;  // a targeted plan never deletes the rest
    std::set<std::string> inventoried;
    for (const auto& w : forgotten_) {
      inventoried.insert(
          resources::InventoryEntry{w.cluster, w.api_version, w.kind, w.ns, w.name}.Address());
    }
    std::vector<Change> pruned;
    for (const auto& [address, object] : live_.owned) {
      if (desired_.count(address)) continue;
      // Controllers copy labels (an EndpointSlice gets its Service's): only what meshform applied
      // itself, or what its inventory lists, is meshform's to delete.
      if (!inventoried.count(address) && !AppliedByMeshform(object)) continue;
      auto slash = address.find('/');
      Change c;
      c.address = address;
      c.cluster = address.substr(0, slash);
      c.action = Action::kDelete;
      c.reason = options_.mode == Mode::kDestroy ? "destroy" : "no longer in the topology";
      c.live = object;
      c.resource = resources::MakeObject(c.cluster, Identity(object), input_.topology_name, {});
      c.planned_resource_version = object.at("metadata").value("resourceVersion", "");
      c.planned_uid = object.at("metadata").value("uid", "");
      c.planned_content_digest = ssa::EditableContentDigest(object);
      pruned.push_back(std::move(c));
    }
    OrderPrunes(pruned);
    for (auto& c : pruned) plan_.changes.push_back(std::move(c));
  }

  // Pruned objects depend on each other as they would in a topology (the same ordering rules,
  // read from their live state: a custom resource on its CRD, contents on their namespace, a
  // workload on the ConfigMaps it mounts), so that execution deletes dependents first.
  void OrderPrunes(std::vector<Change>& pruned) const {
    resources::ResourceSet set;
    set.reserve(pruned.size());
    for (const auto& c : pruned) {
      resources::Resource r = c.resource;
      r.object = *c.live;
      set.push_back(std::move(r));
    }
    resources::ApplyOrderingRules(set);
    for (size_t i = 0; i < pruned.size(); ++i) {
      pruned[i].resource.depends_on = std::move(set[i].depends_on);
    }
  }

  static json Identity(const json& object) {
    json meta = {{"name", object.at("metadata").at("name")}};
    if (object.at("metadata").contains("namespace")) {
      meta["namespace"] = object["metadata"]["namespace"];
    }
    return {
        {"apiVersion", object.at("apiVersion")}, {"kind", object.at("kind")}, {"metadata", meta}};
  }

  bool IsShard(const Change& c) const {
    return c.cluster == input_.inventory_cluster && c.resource.is_object() &&
           c.resource.object_kind() == "ConfigMap" && c.resource.api_version() == "v1" &&
           c.resource.object_namespace() == resources::kStateNamespace &&
           resources::IsInventoryShard(input_.topology_name, c.resource.object_name());
  }

  // Apply: an inventory shard is written after the objects it lists (compile's dependencies)
  // and after every pruned object is deleted (were it written first, a crash before the delete
  // would leave a live object no shard lists); shards of an earlier count (a generation no
  // longer declared) are deleted only after every shard of the new one is written. So the live
  // shards' union lists every live object at every moment (resources/inventory.h).
  void WriteInventoryAfterPrunes() {
    std::vector<std::string> shards, prunes;
    for (const auto& c : plan_.changes) {
      if (IsShard(c) && desired_.count(c.address)) shards.push_back(c.address);
      if (c.action == Action::kDelete && !desired_.count(c.address) && !IsShard(c)) {
        prunes.push_back(c.address);
      }
    }
    for (auto& c : plan_.changes) {
      if (!IsShard(c)) continue;
      auto& deps = c.resource.depends_on;
      if (desired_.count(c.address)) {
        deps.insert(deps.end(), prunes.begin(), prunes.end());
      } else if (c.action == Action::kDelete) {
        deps.insert(deps.end(), shards.begin(), shards.end());
      }
    }
  }

  // Destroy walks the graph backwards: make every object depend on the inventory shard that
  // lists it (every shard, when none does), and the shards on nothing, so that a shard goes
  // after everything it lists.
  void DeleteInventoryLast() {
    std::vector<std::string> shards;
    for (const auto& c : plan_.changes) {
      if (IsShard(c)) shards.push_back(c.address);
    }
    std::set<std::string> planned(shards.begin(), shards.end());
    for (auto& c : plan_.changes) {
      if (IsShard(c)) {
        c.resource.depends_on.clear();
      } else if (c.resource.is_object()) {
        auto by = inventory_.listed_by.find(c.address);
        if (by != inventory_.listed_by.end() && planned.count(by->second)) {
          c.resource.depends_on.push_back(by->second);
        } else {
          c.resource.depends_on.insert(c.resource.depends_on.end(), shards.begin(), shards.end());
        }
      }
    }
  }

  const PlanInput& input_;
  const kube::ClusterClients& clients_;
  const PlanOptions& options_;
  const resources::ResourceSet* set_ = input_.resources;  // everything, or the targets'
  resources::ResourceSet selected_;                       // the targets and what they need
  std::set<std::string> desired_;
  LiveState live_;
  resources::LiveInventory inventory_;   // what the live inventory's shards list
  std::vector<WantedObject> forgotten_;  // listed by the inventory, no longer declared
  Plan plan_;
  std::vector<std::string> problems_;
};

}  // namespace

PlanError::PlanError(std::vector<std::string> problems)
    : Error(util::Join(problems)), problems_(std::move(problems)) {}

Plan BuildPlan(const PlanInput& input, const kube::ClusterClients& clients,
               const PlanOptions& options) {
  return Planner(input, clients, options).Build();
}

}  // namespace meshform::plan
