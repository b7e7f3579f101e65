// Undoing one journaled object write (see kube_step_runner.h).
#include "engine/apply/kube_step_runner.h"
#include "engine/kube/errors.h"

namespace meshform::apply {

namespace {

using nlohmann::json;

// Deletes what a write created (only that object: same uid when known) and waits until gone.
void UndoCreate(kube::Client& client, Waiter& waiter, const kube::ObjectRef& ref,
                const Effect& effect) {
  auto live = client.GetIfExists(ref);
  if (!live) return;
  std::string uid = kube::UidOf(*live);
  if (!effect.result_uid.empty() && uid != effect.result_uid) return;  // not ours any more
  kube::DeleteOptions options;
  options.precondition_uid = uid;
  options.propagation_policy = "Background";
  options.ignore_not_found = true;
  client.Delete(ref, options);
  waiter.WaitGone(client, ref, uid);
}

// Puts the prior object back: PUT over the current one, or create when it is gone.
void Restore(kube::Client& client, Waiter& waiter, const kube::ObjectRef& ref, const json& prior) {
  auto live = client.GetIfExists(ref);
  if (live && (*live)["metadata"].contains("deletionTimestamp")) {
    waiter.WaitGone(client, ref, kube::UidOf(*live));
    live.reset();
  }
  if (!live) {
    client.Create(ForRecreate(prior));
    return;
  }
  if (kube::UidOf(*live) != kube::UidOf(prior))
    return;  // deleted and recreated by someone else: leave it
  json restored = prior;
  restored["metadata"]["resourceVersion"] = (*live)["metadata"].value("resourceVersion", "");
  client.Replace(restored);
}

}  // namespace

json Identity(const json& object) {
  json id = {{"apiVersion", object.value("apiVersion", "")},
             {"kind", object.value("kind", "")},
             {"metadata", {{"name", object["metadata"].value("name", "")}}}};
  std::string ns = object["metadata"].value("namespace", "");
  if (!ns.empty()) id["metadata"]["namespace"] = ns;
  return id;
}

json ForRecreate(const json& object) {
  json out = object;
  out.erase("status");
  auto& m = out["metadata"];
  for (const char* key :
       {"uid", "resourceVersion", "creationTimestamp", "generation", "deletionTimestamp",
        "deletionGracePeriodSeconds", "selfLink", "managedFields"}) {
    m.erase(key);
  }
  return out;
}

void UndoObjectEffect(kube::Client& client, Waiter& waiter, const Effect& effect) {
  kube::ObjectRef ref = kube::RefOf(effect.identity);
  if (!effect.prior) {
    UndoCreate(client, waiter, ref, effect);
    return;
  }
  if (effect.op == "delete" && effect.state == Effect::State::kIntended) {
    // The delete may not have been sent; if the object is still there, nothing to restore.
    auto live = client.GetIfExists(ref);
    if (live && !(*live)["metadata"].contains("deletionTimestamp")) return;
  }
  Restore(client, waiter, ref, *effect.prior);
}

}  // namespace meshform::apply
