// Value steps (see value_steps.h): dispatch by value type, the waits for observed values, and
// the store's journal.
#include "engine/apply/value_steps.h"

#include "engine/readiness/wait_errors.h"
#include "engine/util/error.h"
#include "engine/values/endpoint.h"
#include "engine/values/intermediate_ca.h"
#include "engine/values/lb_address.h"
#include "engine/values/remote_kubeconfig.h"
#include "engine/values/root_ca.h"
#include "engine/values/token.h"

namespace meshform::apply {

namespace {

using nlohmann::json;
using values::ValueStore;

// Stores `fields` under the change's address, journaling the previous fields first.
void SetValue(const plan::Change& change, ValueStore& store, Journal& journal,
              ValueStore::Fields fields) {
  Effect effect = ValueEffect(change.address, change.address);
  effect.sensitive = change.resource.sensitive;
  if (auto prior = store.Get(change.address)) effect.prior = json(*prior);
  size_t id = journal.Record(effect);
  store.Set(change.address, std::move(fields));
  journal.MarkApplied(id);
}

// The token, once kube-controller-manager's token controller filled the Secret. No
// TokenRequest when it does not: a requested token expires (an hour by default) and would be
// baked into the remote secret, so istiod would lose the remote cluster after it.
ValueStore::Fields ProduceToken(const plan::Change& change, values::Context& context,
                                Waiter& waiter) {
  const json& params = change.resource.value.params;
  std::string cluster = values::TokenCluster(params, change.cluster);
  kube::Client& client = context.clients.For(cluster);
  kube::ObjectRef ref = values::TokenSecretRef(params);
  std::string missing = change.address + ": cluster " + cluster + ": the token Secret " + ref.ns +
                        "/" + ref.name + " was not filled by the token controller";
  std::string needs =
      "kube-controller-manager must be running with its serviceaccount-token controller "
      "(meshform does not request a short-lived token instead: it would expire inside the "
      "remote secret)";
  try {
    waiter.WaitReady(client, values::TokenSecretObject(params));
  } catch (const readiness::WaitTimeout& e) {
    throw Error(missing + " in time; " + needs + ". " + e.what());
  }
  std::optional<json> secret = client.GetIfExists(ref);
  std::optional<ValueStore::Fields> fields;
  if (secret) fields = values::TokenFromSecret(*secret);
  if (!fields) {
    throw Error(missing + (secret ? "" : " (it no longer exists)") + "; " + needs);
  }
  return values::WithClusterCa(*fields, change.address, params, change.cluster, context.store);
}

// The Service's address, once the load balancer assigned it.
ValueStore::Fields ProduceLbAddress(const plan::Change& change, values::Context& context,
                                    Waiter& waiter) {
  const json& params = change.resource.value.params;
  kube::Client& client = context.clients.For(params.value("cluster", change.cluster));
  waiter.WaitReady(client, values::LbServiceObject(params));
  kube::ObjectRef ref = values::LbServiceRef(params);
  if (auto service = client.GetIfExists(ref)) {
    if (auto fields = values::LbAddressFromService(*service)) return *fields;
  }
  throw Error(change.address + ": the Service " + ref.ns + "/" + ref.name +
              " has no load-balancer address");
}

std::optional<ValueStore::Fields> Produce(const plan::Change& change, values::Context& context,
                                          Waiter& waiter) {
  const std::string& type = change.resource.value.type;
  const json& params = change.resource.value.params;
  if (type == "ca-root") {
    // Loaded from files or read back from an earlier apply at plan time: nothing to do.
    if (context.store.Has(change.address)) return std::nullopt;
    return values::GenerateRootCa(params, std::chrono::system_clock::now());
  }
  if (type == "ca-intermediate") {
    return values::IssueIntermediateCa(params, context.store, std::chrono::system_clock::now());
  }
  if (type == "service-account-token") return ProduceToken(change, context, waiter);
  if (type == "cluster-endpoint") return values::ProduceEndpoint(params, context);
  if (type == "kubeconfig") return values::BuildRemoteKubeconfig(params, context.store);
  if (type == "lb-address") return ProduceLbAddress(change, context, waiter);
  throw Error(change.address + ": unknown value type '" + type + "'");
}

}  // namespace

void RunValueStep(const plan::Change& change, values::Context& context, Waiter& waiter,
                  Journal& journal) {
  if (auto fields = Produce(change, context, waiter)) {
    SetValue(change, context.store, journal, std::move(*fields));
  }
}

void UndoValueEffect(ValueStore& store, const Effect& effect) {
  if (!effect.prior) {
    store.Erase(effect.what);
    return;
  }
  store.Set(effect.what, effect.prior->get<ValueStore::Fields>());
}

}  // namespace meshform::apply
