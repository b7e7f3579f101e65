#include "engine/plan/resolve_values.h"

#include "engine/pki/assess.h"
#include "engine/pki/cacerts.h"
#include "engine/values/endpoint.h"
#include "engine/values/intermediate_ca.h"
#include "engine/values/lb_address.h"
#include "engine/values/remote_kubeconfig.h"
#include "engine/values/root_ca.h"
#include "engine/values/secret_data.h"
#include "engine/values/token.h"
#include "resources/placeholder.h"
#include "resources/state_objects.h"
#include "resources/values.h"

namespace meshform::plan {
namespace {

using nlohmann::json;
using resources::Resource;

const json* Owned(const LiveState& live, const std::string& address) {
  auto it = live.owned.find(address);
  return it == live.owned.end() ? nullptr : &it->second;
}

std::string SecretAddress(const std::string& cluster, const std::string& ns,
                          const std::string& name) {
  return cluster + "/v1/Secret/" + ns + "/" + name;
}

class Resolver {
 public:
  Resolver(const LiveState& live, values::Context& context)
      : live_(live), context_(context), store_(context.store) {}

  ValueDecision Resolve(const Resource& r) {
    const std::string& type = r.value.type;
    if (type == "ca-root") return RootCa(r);
    if (type == "ca-intermediate") return Intermediate(r);
    if (type == "cluster-endpoint") return Endpoint(r);
    if (type == "service-account-token") return Token(r);
    if (type == "lb-address") return LbAddress(r);
    if (type == "kubeconfig") return Kubeconfig(r);
    return {Action::kCreate, "value of type '" + type + "' is produced while applying"};
  }

 private:
  ValueDecision Known(const Resource& r, values::ValueStore::Fields fields, std::string reason) {
    store_.Set(r.address, std::move(fields));
    return {Action::kNoOp, std::move(reason)};
  }

  ValueDecision RootCa(const Resource& r) {
    const json& p = r.value.params;
    if (!p.value("generate", true)) {
      return Known(r, values::RootCaFromFiles(p), "read from files");
    }
    std::string where = SecretAddress(context_.inventory_cluster, resources::kStateNamespace,
                                      resources::RootCaSecretName(context_.topology));
    if (const json* secret = Owned(live_, where)) {
      if (auto fields = values::RootCaFromSecret(*secret)) {
        return Known(r, *fields, "kept from an earlier apply");
      }
    }
    return {Action::kCreate, "a new root CA will be generated"};
  }

  ValueDecision Intermediate(const Resource& r) {
    const json& p = r.value.params;
    std::string cluster = p.at("cluster");
    auto root = store_.Get(resources::RootCaAddress());
    if (!root) return {Action::kCreate, "issued by the new root CA"};
    const json* secret = Owned(live_, SecretAddress(cluster, "istio-system", "cacerts"));
    if (secret == nullptr) return {Action::kCreate, "no cacerts Secret in " + cluster + " yet"};
    auto pems = pki::CacertsFromData(values::DecodedSecretData(*secret));
    auto renew = p.contains("renewBeforeDays")
                     ? std::chrono::seconds(p["renewBeforeDays"].get<int64_t>() * 24 * 3600)
                     : context_.default_renew_before;
    auto decision = pki::AssessIntermediate(pems, root->at("cert"), context_.now, renew);
    if (!decision.reuse()) return {Action::kCreate, "reissue: " + decision.reason};
    auto fields = values::IntermediateFromCacerts(*secret);
    if (!fields) return {Action::kCreate, "reissue: cacerts Secret is incomplete"};
    return Known(r, *fields, "reused: " + decision.reason);
  }

  ValueDecision Endpoint(const Resource& r) {
    auto config = context_.clients.Config(r.value.params.at("cluster").get<std::string>());
    if (!config) return {Action::kCreate, "read from the kubeconfig while applying"};
    return Known(r, values::EndpointFromConfig(*config), "from the kubeconfig");
  }

  ValueDecision Token(const Resource& r) {
    const json& p = r.value.params;
    const json* secret =
        Owned(live_, SecretAddress(p.at("cluster"), p.at("namespace"), p.at("secret")));
    if (secret != nullptr) {
      if (auto fields = values::TokenFromSecret(*secret)) return Known(r, *fields, "issued");
    }
    return {Action::kCreate, "issued once the token Secret exists"};
  }

  ValueDecision LbAddress(const Resource& r) {
    for (const auto& dep : r.depends_on) {
      if (const json* svc = Owned(live_, dep)) {
        if (auto fields = values::LbAddressFromService(*svc)) return Known(r, *fields, "assigned");
      }
    }
    return {Action::kCreate, "known after the load balancer assigns it"};
  }

  ValueDecision Kubeconfig(const Resource& r) {
    try {
      return Known(r, values::BuildRemoteKubeconfig(r.value.params, store_),
                   "built from the issued token");
    } catch (const std::exception&) {
      return {Action::kCreate, "built once its token is issued"};
    }
  }

  const LiveState& live_;
  const values::Context& context_;
  values::ValueStore& store_;
};

// Values resolve in this order, so that each finds what it is built from.
int Rank(const std::string& type) {
  static const char* kOrder[] = {"ca-root",          "ca-intermediate",
                                 "cluster-endpoint", "service-account-token",
                                 "lb-address",       "kubeconfig"};
  for (int i = 0; i < 6; ++i) {
    if (type == kOrder[i]) return i;
  }
  return 6;
}

}  // namespace

std::map<std::string, ValueDecision> ResolveValues(const resources::ResourceSet& set,
                                                   const LiveState& live,
                                                   values::Context& context) {
  std::vector<const Resource*> values;
  for (const auto& r : set) {
    if (r.is_value()) values.push_back(&r);
  }
  std::stable_sort(values.begin(), values.end(), [](const Resource* a, const Resource* b) {
    return Rank(a->value.type) < Rank(b->value.type);
  });
  Resolver resolver(live, context);
  std::map<std::string, ValueDecision> out;
  for (const Resource* r : values) out[r->address] = resolver.Resolve(*r);
  return out;
}

}  // namespace meshform::plan
