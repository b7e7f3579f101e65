// The real StepRunner (see kube_step_runner.h): objects.
#include "engine/apply/kube_step_runner.h"

#include <thread>

#include "engine/apply/moved.h"
#include "engine/apply/value_steps.h"
#include "engine/kube/errors.h"
#include "engine/ssa/object_diff.h"
#include "resources/placeholder.h"

namespace meshform::apply {

namespace {

using nlohmann::json;

// How often a write whose precondition failed only because the server's own fields moved
// (status, managedFields) is sent again with the fresh resourceVersion.
constexpr int kPreconditionRetries = 5;

// Server-side apply; a custom kind that discovery does not know yet (its CRD was just
// established) is retried with fresh discovery for a while.
kube::ApplyResult ApplyWithDiscovery(kube::Client& client, const json& desired, bool force,
                                     std::chrono::milliseconds poll) {
  kube::ApplyOptions options;
  options.force = force;
  for (int attempt = 0;; ++attempt) {
    try {
      return client.ApplyWithResult(desired, options);
    } catch (const kube::NoKindMatch&) {
      if (attempt >= 50) throw;
      std::this_thread::sleep_for(poll);
      client.RefreshDiscovery();
    }
  }
}

std::string ResourceVersionOf(const json& object) {
  return object["metadata"].value("resourceVersion", "");
}

// A 409 about field managers (server-side apply's conflicts), not about the resourceVersion.
bool IsFieldConflict(const kube::Conflict& e) {
  for (const auto& cause : e.causes()) {
    if (cause.reason == "FieldManagerConflict") return true;
  }
  return false;
}

// Why a write planned against `planned` must not go on now that the object is `fresh` (absent:
// deleted); "" when only the server's fields moved and the write may be sent again.
std::string MovedSincePlan(const std::string& address, const json& planned,
                           const std::optional<json>& fresh, const std::string& refused) {
  if (!fresh) return address + ": deleted by someone else since the plan; " + refused;
  if (kube::UidOf(*fresh) != kube::UidOf(planned)) {
    return address + ": deleted and created again since the plan (uid " + kube::UidOf(planned) +
           " → " + kube::UidOf(*fresh) + "); " + refused;
  }
  if (Edited(planned, *fresh)) {
    return address + ": changed since the plan (" + DescribeMove(planned, *fresh) + "); " + refused;
  }
  return "";
}

}  // namespace

KubeStepRunner::KubeStepRunner(const kube::ClusterClients& clients, values::ValueStore& values,
                               Waiter& waiter, KubeRunnerOptions options)
    : clients_(clients), values_(values), waiter_(waiter), options_(std::move(options)) {}

void KubeStepRunner::Run(const plan::Change& change, Journal& journal) {
  if (change.resource.is_value()) {
    values::Context context{clients_, values_, options_.topology_name, options_.inventory_cluster,
                            options_.kubeconfig_path};
    RunValueStep(change, context, waiter_, journal);
    return;
  }
  RunObject(change, journal);
}

void KubeStepRunner::RunObject(const plan::Change& change, Journal& journal) {
  if (change.action == plan::Action::kDelete) {
    DeleteObject(change, journal);
    return;
  }
  json desired = resources::Substitute(change.resource.object,
                                       [&](const std::string& from, const std::string& field) {
                                         return values_.Field(from, field);
                                       });
  if (change.action == plan::Action::kReplace) DeleteObject(change, journal);
  ApplyObject(change, desired, journal);
}

void KubeStepRunner::RefuseIfLockLost(const plan::Change& change) const {
  if (options_.lock_lost != nullptr && options_.lock_lost->load()) {
    throw Error(change.address + ": not written: the lock was lost");
  }
}

void KubeStepRunner::ApplyObject(const plan::Change& change, const json& desired,
                                 Journal& journal) {
  RefuseIfLockLost(change);
  kube::Client& client = clients_.For(change.cluster);
  Effect effect = ObjectEffect(change.address, change.cluster, change.address, "apply");
  effect.sensitive = change.resource.sensitive;
  effect.identity = Identity(desired);
  // An update replaces the object as planned against: it is sent with that resourceVersion,
  // so the server refuses it if anyone wrote the object since, and the journal's prior is
  // exactly what the write replaced. (Read now when the change carries no live object.)
  std::optional<json> planned;
  if (change.action == plan::Action::kUpdate) {
    planned = change.live ? change.live : client.GetIfExists(kube::RefOf(desired));
  }
  effect.prior = planned;
  size_t id = journal.Record(effect);
  kube::ApplyResult out;
  for (int attempt = 0;; ++attempt) {
    json body = desired;
    if (planned) body["metadata"]["resourceVersion"] = ResourceVersionOf(*planned);
    try {
      out = ApplyWithDiscovery(client, body, options_.force_conflicts, options_.poll);
      break;
    } catch (const kube::Conflict& e) {
      if (!planned || IsFieldConflict(e)) throw;
      auto fresh = client.GetIfExists(kube::RefOf(desired));
      // The client sends an apply again when its answer was lost: then it is already there.
      if (fresh && kube::UidOf(*fresh) == kube::UidOf(*planned) &&
          ssa::DiffObject(desired, *fresh).empty()) {
        out.object = *fresh;
        break;
      }
      std::string why =
          MovedSincePlan(change.address, *planned, fresh, "not applied (run plan again)");
      if (!why.empty()) throw Error(why);
      if (attempt >= kPreconditionRetries) throw;
      planned = fresh;  // only status or field-manager bookkeeping moved
      journal.UpdatePrior(id, *fresh);
    }
  }
  if (!planned && !out.created && !(out.sent_again && CreatedByThisWrite(out.object))) {
    // Planned as a create, but someone created it between the plan and this write (server-side
    // apply has no "must not exist" precondition): it is not this run's to undo.
    journal.MarkApplied(id);
    throw Error(change.address +
                ": created by someone else after the plan found it absent; meshform's fields were "
                "applied to it and are left in place — run plan again (--adopt takes it over)");
  }
  journal.MarkApplied(id, kube::UidOf(out.object), ResourceVersionOf(out.object));
  waiter_.WaitReady(client, out.object);
  if (out.object.value("kind", "") == "CustomResourceDefinition") client.RefreshDiscovery();
}

void KubeStepRunner::DeleteObject(const plan::Change& change, Journal& journal) {
  // Removed by its namespace's deletion, which the steps that depended on it wait for
  // (plan/namespace_cascade.h). Nothing is journaled: a destroy's rollback creates the namespace
  // again, not what its deletion removed (the next apply does).
  if (!change.deleted_with.empty()) return;
  kube::Client& client = clients_.For(change.cluster);
  kube::ObjectRef ref = kube::RefOf(change.resource.object);
  // The object as planned: deleted only while it still is that object (uid) in that state
  // (resourceVersion). (Read now when the change carries no live object.)
  std::optional<json> planned = change.live ? change.live : client.GetIfExists(ref);
  if (!planned) return;  // already gone: nothing to do, nothing to undo
  RefuseIfLockLost(change);
  Effect effect = ObjectEffect(change.address, change.cluster, change.address, "delete");
  effect.sensitive = change.resource.sensitive;
  effect.identity = Identity(*planned);
  effect.prior = planned;
  size_t id = journal.Record(effect);
  for (int attempt = 0;; ++attempt) {
    kube::DeleteOptions options;
    options.precondition_uid = kube::UidOf(*planned);
    options.precondition_resource_version = ResourceVersionOf(*planned);
    options.propagation_policy = "Background";
    options.ignore_not_found = true;
    try {
      client.Delete(ref, options);
      break;
    } catch (const kube::Conflict&) {
      auto fresh = client.GetIfExists(ref);
      if (!fresh) break;  // gone meanwhile (an earlier attempt of this delete, or someone else)
      bool deleting = (*fresh)["metadata"].contains("deletionTimestamp");
      if (deleting && kube::UidOf(*fresh) == kube::UidOf(*planned)) break;
      std::string why =
          MovedSincePlan(change.address, *planned, fresh, "not deleted (run plan again)");
      if (!why.empty()) throw Error(why);
      if (attempt >= kPreconditionRetries) throw;
      planned = fresh;
      journal.UpdatePrior(id, *fresh);
    }
  }
  journal.MarkApplied(id);
  waiter_.WaitGone(client, ref, kube::UidOf(*planned));
  // Its kinds are no longer served: a cached resource list would still say they are.
  if (ref.kind == "CustomResourceDefinition") client.RefreshDiscovery();
}

void KubeStepRunner::Undo(const Effect& effect) {
  if (effect.target == Effect::Target::kValue) {
    UndoValueEffect(values_, effect);
    return;
  }
  UndoObjectEffect(clients_.For(effect.cluster), waiter_, effect);
}

}  // namespace meshform::apply
