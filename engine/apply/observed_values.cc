// Values read while applying (see observed_values.h).
#include "engine/apply/observed_values.h"

#include <thread>

#include "engine/apply/kubeconfig_yaml.h"
#include "engine/kube/base64.h"
#include "engine/kube/kubeconfig.h"
#include "engine/util/error.h"
#include "resources/placeholder.h"

namespace meshform::apply {

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

std::string Decoded(const json& data, const std::string& key) {
  if (!data.is_object() || !data.contains(key) || !data[key].is_string()) return "";
  return kube::Base64Decode(data[key].get<std::string>()).value_or("");
}

// Polls `read` until it returns a non-empty value or the timeout passes ("" then).
template <typename Read>
std::string Poll(const ValueContext& context, Read read) {
  auto deadline = Clock::now() + context.options.value_timeout;
  while (true) {
    std::string value = read();
    if (!value.empty() || Clock::now() > deadline) return value;
    std::this_thread::sleep_for(context.options.poll);
  }
}

}  // namespace

plan::ValueStore::Fields ReadToken(const plan::Change& change, ValueContext& context) {
  const json& p = change.resource.value.params;
  std::string ns = p.value("namespace", ""), sa = p.value("serviceAccount", "");
  kube::Client& client = context.clients.For(p.value("cluster", change.cluster));
  kube::ObjectRef ref{"v1", "Secret", ns, p.value("secret", "")};
  std::string ca;
  std::string token = Poll(context, [&] {
    auto secret = client.GetIfExists(ref);
    if (!secret) return std::string();
    ca = Decoded((*secret)["data"], "ca.crt");
    return Decoded((*secret)["data"], "token");
  });
  if (token.empty()) token = client.CreateToken(ns, sa).token;
  std::string endpoint = "endpoint/" + p.value("cluster", change.cluster);
  if (ca.empty() && context.values.Has(endpoint)) {
    ca = kube::Base64Decode(context.values.Field(endpoint, "caData")).value_or("");
  }
  if (ca.empty())
    throw Error(change.address + ": the token Secret " + ns + "/" + ref.name + " has no ca.crt");
  return {{"token", token}, {"ca.crt", ca}};
}

plan::ValueStore::Fields ReadEndpoint(const plan::Change& change, ValueContext& context) {
  const json& p = change.resource.value.params;
  auto config =
      kube::Kubeconfig::Load(context.options.kubeconfig_path).Resolve(p.value("context", ""));
  return {{"server", config.server}, {"caData", kube::Base64Encode(config.tls.ca_pem)}};
}

plan::ValueStore::Fields BuildKubeconfigValue(const plan::Change& change, ValueContext& context) {
  json p = resources::Substitute(change.resource.value.params,
                                 [&](const std::string& from, const std::string& field) {
                                   return context.values.Field(from, field);
                                 });
  RemoteKubeconfig k{p.value("name", ""), p.value("server", ""),
                     p.value("certificateAuthorityData", ""), p.value("token", "")};
  return {{"kubeconfig", RemoteSecretKubeconfig(k)}};
}

plan::ValueStore::Fields ReadLbAddress(const plan::Change& change, ValueContext& context) {
  const json& p = change.resource.value.params;
  kube::Client& client = context.clients.For(p.value("cluster", change.cluster));
  kube::ObjectRef ref{"v1", "Service", p.value("namespace", ""), p.value("service", "")};
  std::string address = Poll(context, [&] {
    auto service = client.GetIfExists(ref);
    if (!service) return std::string();
    const json& ingress = (*service)["status"]["loadBalancer"]["ingress"];
    if (!ingress.is_array() || ingress.empty()) return std::string();
    std::string ip = ingress[0].value("ip", "");
    return ip.empty() ? ingress[0].value("hostname", "") : ip;
  });
  if (address.empty()) {
    throw Error(change.address + ": the Service " + ref.ns + "/" + ref.name +
                " got no load-balancer address within " +
                std::to_string(context.options.value_timeout.count()) + "s");
  }
  return {{"address", address}};
}

}  // namespace meshform::apply
