#include "engine/values/endpoint.h"

#include "engine/util/base64.h"

namespace meshform::values {

ValueStore::Fields EndpointFromConfig(const kube::ClusterConfig& config) {
  std::string ca = config.tls.ca_pem.empty() ? "" : util::Base64Encode(config.tls.ca_pem);
  return {{"server", config.server}, {"caData", ca}};
}

ValueStore::Fields ProduceEndpoint(const nlohmann::json& params, const Context& context) {
  if (auto config = context.clients.Config(params.value("cluster", ""))) {
    return EndpointFromConfig(*config);
  }
  auto kubeconfig = kube::Kubeconfig::Load(context.kubeconfig_path);
  return EndpointFromConfig(kubeconfig.Resolve(params.value("context", "")));
}

}  // namespace meshform::values
