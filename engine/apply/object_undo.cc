// Undoing one journaled object write (see kube_step_runner.h).
#include "engine/apply/kube_step_runner.h"
#include "engine/apply/moved.h"
#include "engine/kube/errors.h"
#include "engine/ssa/extract.h"
#include "engine/ssa/object_diff.h"

namespace meshform::apply {

namespace {

using nlohmann::json;

std::string ResourceVersionOf(const json& object) {
  return object["metadata"].value("resourceVersion", "");
}

bool Deleting(const json& object) { return object["metadata"].contains("deletionTimestamp"); }

// Deletes what this run's write created — that object only (its uid) — and waits until gone.
void UndoCreate(kube::Client& client, Waiter& waiter, const kube::ObjectRef& ref,
                const Effect& effect) {
  auto live = client.GetIfExists(ref);
  if (!live) return;
  std::string uid = kube::UidOf(*live);
  if (effect.result_uid.empty()) {
    throw Error(effect.what +
                (effect.state == Effect::State::kApplied
                     ? ": someone else created it after the plan found it absent; left in place"
                     : ": this run may have created it, but the write's answer never came, so "
                       "whose it is (uid " +
                           uid + ") is unknown; left in place"));
  }
  if (uid != effect.result_uid) {
    throw Error(effect.what + ": replaced by someone else after this run created it (uid " +
                effect.result_uid + " → " + uid + "); left in place");
  }
  kube::DeleteOptions options;
  options.precondition_uid = uid;
  options.propagation_policy = "Background";
  options.ignore_not_found = true;
  client.Delete(ref, options);
  waiter.WaitGone(client, ref, uid);
}

// Creates again what this run deleted, unless someone else created it again meanwhile.
void UndoDelete(kube::Client& client, Waiter& waiter, const kube::ObjectRef& ref,
                const Effect& effect) {
  const json& prior = *effect.prior;
  auto live = client.GetIfExists(ref);
  if (live && kube::UidOf(*live) == kube::UidOf(prior)) {
    // The delete was not sent (or not yet carried out): nothing to restore, or wait for it.
    if (!Deleting(*live)) return;
    waiter.WaitGone(client, ref, kube::UidOf(*live));
    live.reset();
  }
  if (live) {
    throw Error(effect.what + ": created again by someone else after this run deleted it (uid " +
                kube::UidOf(*live) + "); left as is");
  }
  client.Create(ForRecreate(prior));
}

// Puts back the object an update changed. Untouched since this run's write (same
// resourceVersion): a PUT of the prior state guarded by that resourceVersion. Written since
// (controllers, people): a server-side apply, without force, of only the fields meshform held
// in the prior state — what others changed meanwhile stays, and a field they took over from
// meshform is a conflict that leaves the object as is, with a message.
void UndoUpdate(kube::Client& client, const kube::ObjectRef& ref, const Effect& effect) {
  const json& prior = *effect.prior;
  auto live = client.GetIfExists(ref);
  if (!live || Deleting(*live)) {
    throw Error(effect.what +
                ": deleted by someone else after this run changed it; not created "
                "again (its state before the apply is in the journal)");
  }
  if (kube::UidOf(*live) != kube::UidOf(prior)) {
    throw Error(effect.what + ": replaced by someone else after this run changed it (uid " +
                kube::UidOf(prior) + " → " + kube::UidOf(*live) + "); left as is");
  }
  if (effect.state == Effect::State::kIntended &&
      ResourceVersionOf(*live) == ResourceVersionOf(prior)) {
    return;  // the write never reached the object
  }
  std::string written = effect.result_resource_version;
  if (!written.empty() && ResourceVersionOf(*live) == written) {
    json restored = prior;
    restored["metadata"]["resourceVersion"] = written;
    try {
      client.Replace(restored);
      return;
    } catch (const kube::Conflict&) {
      live = client.GetIfExists(ref);  // written in between: put back meshform's fields only
      if (!live) throw;
    }
  }
  auto fields = ssa::FieldsOf(prior, ssa::kFieldManager);
  if (!fields) {
    throw Error(effect.what + ": changed by others after this run's write (" +
                DescribeMove(prior, *live) +
                ") and it was not meshform's before, so putting it back would overwrite those "
                "changes; left as is (its state before the apply is in the journal)");
  }
  try {
    client.Apply(ssa::Extract(prior, *fields));
  } catch (const kube::Conflict& e) {
    throw Error(effect.what + ": fields this run changed were changed again by others since (" +
                DescribeMove(prior, *live) + "); not put back: " + e.server_message());
  }
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
  } else if (effect.op == "delete") {
    UndoDelete(client, waiter, ref, effect);
  } else {
    UndoUpdate(client, ref, effect);
  }
}

}  // namespace meshform::apply
