#include "engine/values/token.h"

#include "engine/util/base64.h"
#include "engine/util/error.h"
#include "engine/values/secret_data.h"
#include "resources/values.h"

namespace meshform::values {

using nlohmann::json;

std::string TokenCluster(const json& params, const std::string& cluster) {
  return params.value("cluster", cluster);
}

kube::ObjectRef TokenSecretRef(const json& params) {
  return {"v1", "Secret", params.value("namespace", ""), params.value("secret", "")};
}

json TokenSecretObject(const json& params) {
  kube::ObjectRef ref = TokenSecretRef(params);
  return {{"apiVersion", "v1"},
          {"kind", "Secret"},
          {"type", "kubernetes.io/service-account-token"},
          {"metadata", {{"name", ref.name}, {"namespace", ref.ns}}}};
}

std::optional<ValueStore::Fields> TokenFromSecret(const json& secret) {
  auto data = DecodedSecretData(secret);
  if (data["token"].empty()) return std::nullopt;
  return ValueStore::Fields{{"token", data["token"]}, {"ca.crt", data["ca.crt"]}};
}

ValueStore::Fields WithClusterCa(ValueStore::Fields fields, const std::string& address,
                                 const json& params, const std::string& cluster,
                                 const ValueStore& store) {
  std::string endpoint = resources::EndpointAddress(TokenCluster(params, cluster));
  if (fields["ca.crt"].empty() && store.Has(endpoint)) {
    fields["ca.crt"] = util::Base64Decode(store.Field(endpoint, "caData")).value_or("");
  }
  if (fields["ca.crt"].empty()) {
    kube::ObjectRef ref = TokenSecretRef(params);
    throw Error(address + ": the token Secret " + ref.ns + "/" + ref.name + " has no ca.crt");
  }
  return fields;
}

}  // namespace meshform::values
