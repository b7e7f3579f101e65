#include "engine/values/lb_address.h"

namespace meshform::values {

using nlohmann::json;

std::optional<ValueStore::Fields> LbAddressFromService(const json& service) {
  static const json::json_pointer kIngress("/status/loadBalancer/ingress");
  if (!service.is_object() || !service.contains(kIngress)) return std::nullopt;
  const json& ingress = service[kIngress];
  if (!ingress.is_array() || ingress.empty() || !ingress[0].is_object()) return std::nullopt;
  std::string address = ingress[0].value("ip", "");
  if (address.empty()) address = ingress[0].value("hostname", "");
  if (address.empty()) return std::nullopt;
  return ValueStore::Fields{{"address", address}};
}

kube::ObjectRef LbServiceRef(const json& params) {
  return {"v1", "Service", params.value("namespace", ""), params.value("service", "")};
}

json LbServiceObject(const json& params) {
  kube::ObjectRef ref = LbServiceRef(params);
  return {{"apiVersion", "v1"},
          {"kind", "Service"},
          {"spec", {{"type", "LoadBalancer"}}},
          {"metadata", {{"name", ref.name}, {"namespace", ref.ns}}}};
}

}  // namespace meshform::values
