// Value steps (see value_steps.h): dispatch, the CA values, and the store's journal.
#include "engine/apply/value_steps.h"

#include <chrono>

#include "engine/apply/observed_values.h"
#include "engine/pki/ca.h"
#include "engine/pki/files.h"
#include "engine/util/error.h"
#include "resources/values.h"

namespace meshform::apply {

namespace {

using nlohmann::json;

pki::KeyType KeyTypeOf(const json& params) {
  int bits = params.value("keyBits", 4096);
  if (bits == 2048) return pki::KeyType::kRsa2048;
  if (bits == 3072) return pki::KeyType::kRsa3072;
  return pki::KeyType::kRsa4096;
}

void RootCa(const plan::Change& change, ValueContext& context, Journal& journal) {
  const json& params = change.resource.value.params;
  if (context.values.Has(change.address)) return;  // reused (planned from the persisted root)
  pki::CaBundle root;
  if (!params.value("generate", true)) {
    root = pki::LoadCaBundle(params.value("certFile", ""), params.value("keyFile", ""));
    SetValue(change, context.values, journal, {{"cert", root.cert_pem}, {"key", root.key_pem}});
    return;
  }
  pki::RootParams p;
  p.common_name = params.value("commonName", p.common_name);
  p.organization = params.value("organization", p.organization);
  p.validity_days = params.value("validityDays", p.validity_days);
  p.key_type = KeyTypeOf(params);
  root = pki::GenerateRoot(p, std::chrono::system_clock::now());
  // Persisted by the state resource meshform-system/meshform-root-ca-<topology> (a desired
  // Secret holding placeholders of this value; see engine/state/inventory.h).
  SetValue(change, context.values, journal, {{"cert", root.cert_pem}, {"key", root.key_pem}});
}

void IntermediateCa(const plan::Change& change, ValueContext& context, Journal& journal) {
  const json& params = change.resource.value.params;
  std::string root_address = resources::RootCaAddress();
  pki::CaBundle root{context.values.Field(root_address, "cert"),
                     context.values.Field(root_address, "key")};
  pki::IntermediateParams p;
  p.cluster = params.value("cluster", "");
  const json& subject = params.value("subject", json::object());
  p.common_name = subject.value("CN", p.common_name);
  p.organization = subject.value("O", p.organization);
  p.validity_days = params.value("validityDays", p.validity_days);
  p.key_type = KeyTypeOf(params);
  if (params.contains("dnsNames") && !params["dnsNames"].empty()) {
    p.san_dns = params["dnsNames"][0].get<std::string>();
  }
  pki::CaBundle ca = pki::IssueIntermediate(root, p, std::chrono::system_clock::now());
  SetValue(change, context.values, journal,
           {{"cert", ca.cert_pem},
            {"key", ca.key_pem},
            {"chain", ca.cert_pem + root.cert_pem},
            {"root", root.cert_pem}});
}

}  // namespace

void SetValue(const plan::Change& change, plan::ValueStore& values, Journal& journal,
              plan::ValueStore::Fields fields) {
  Effect effect = ValueEffect(change.address, change.address);
  effect.sensitive = change.resource.sensitive;
  if (auto prior = values.Get(change.address)) effect.prior = json(*prior);
  size_t id = journal.Record(effect);
  values.Set(change.address, std::move(fields));
  journal.MarkApplied(id);
}

void UndoValueEffect(plan::ValueStore& values, const Effect& effect) {
  if (!effect.prior) {
    values.Erase(effect.what);
    return;
  }
  values.Set(effect.what, effect.prior->get<plan::ValueStore::Fields>());
}

void RunValueStep(const plan::Change& change, ValueContext& context, Journal& journal) {
  const std::string& type = change.resource.value.type;
  if (type == "ca-root") {
    RootCa(change, context, journal);
  } else if (type == "ca-intermediate") {
    IntermediateCa(change, context, journal);
  } else if (type == "service-account-token") {
    SetValue(change, context.values, journal, ReadToken(change, context));
  } else if (type == "cluster-endpoint") {
    SetValue(change, context.values, journal, ReadEndpoint(change, context));
  } else if (type == "kubeconfig") {
    SetValue(change, context.values, journal, BuildKubeconfigValue(change, context));
  } else if (type == "lb-address") {
    SetValue(change, context.values, journal, ReadLbAddress(change, context));
  } else {
    throw Error(change.address + ": unknown value type '" + type + "'");
  }
}

}  // namespace meshform::apply
