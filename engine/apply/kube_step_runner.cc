// The real StepRunner (see kube_step_runner.h): objects.
#include "engine/apply/kube_step_runner.h"

#include <thread>

#include "engine/apply/value_steps.h"
#include "engine/kube/errors.h"
#include "resources/placeholder.h"

namespace meshform::apply {

namespace {

using nlohmann::json;

// Server-side apply; a custom kind that discovery does not know yet (its CRD was just
// established) is retried with fresh discovery for a while.
json ApplyWithDiscovery(kube::Client& client, const json& desired, bool force,
                        std::chrono::milliseconds poll) {
  kube::ApplyOptions options;
  options.force = force;
  for (int attempt = 0;; ++attempt) {
    try {
      return client.Apply(desired, options);
    } catch (const kube::NoKindMatch&) {
      if (attempt >= 50) throw;
      std::this_thread::sleep_for(poll);
      client.RefreshDiscovery();
    }
  }
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

void KubeStepRunner::ApplyObject(const plan::Change& change, const json& desired,
                                 Journal& journal) {
  kube::Client& client = clients_.For(change.cluster);
  Effect effect = ObjectEffect(change.address, change.cluster, change.address, "apply");
  effect.sensitive = change.resource.sensitive;
  effect.identity = Identity(desired);
  if (change.action == plan::Action::kUpdate) {
    // The object as planned against (the plan read it moments ago; a saved plan is checked
    // against the clusters before it is applied); read now when the plan did not.
    effect.prior = change.live ? change.live : client.GetIfExists(kube::RefOf(desired));
  }
  size_t id = journal.Record(effect);
  json out = ApplyWithDiscovery(client, desired, options_.force_conflicts, options_.poll);
  journal.MarkApplied(id, kube::UidOf(out));
  waiter_.WaitReady(client, out);
  if (out.value("kind", "") == "CustomResourceDefinition") client.RefreshDiscovery();
}

void KubeStepRunner::DeleteObject(const plan::Change& change, Journal& journal) {
  kube::Client& client = clients_.For(change.cluster);
  kube::ObjectRef ref = kube::RefOf(change.resource.object);
  auto prior = client.GetIfExists(ref);
  if (!prior) return;  // already gone: nothing to do, nothing to undo
  Effect effect = ObjectEffect(change.address, change.cluster, change.address, "delete");
  effect.sensitive = change.resource.sensitive;
  effect.identity = Identity(*prior);
  effect.prior = prior;
  size_t id = journal.Record(effect);
  kube::DeleteOptions options;
  options.precondition_uid = kube::UidOf(*prior);
  options.propagation_policy = "Background";
  options.ignore_not_found = true;
  client.Delete(ref, options);
  journal.MarkApplied(id);
  waiter_.WaitGone(client, ref, kube::UidOf(*prior));
}

void KubeStepRunner::Undo(const Effect& effect) {
  if (effect.target == Effect::Target::kValue) {
    UndoValueEffect(values_, effect);
    return;
  }
  UndoObjectEffect(clients_.For(effect.cluster), waiter_, effect);
}

}  // namespace meshform::apply
