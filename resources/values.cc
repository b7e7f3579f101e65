// Value resources: declarations of what apply generates or observes.
#include "resources/values.h"

#include "resources/placeholder.h"

namespace meshform::resources {

std::string RootCaAddress() { return "ca/root"; }
std::string IntermediateCaAddress(const std::string& cluster) {
  return "ca/intermediate/" + cluster;
}
std::string TokenAddress(const std::string& cluster, const std::string& ns,
                         const std::string& service_account) {
  return "token/" + cluster + "/" + ns + "/" + service_account;
}
std::string EndpointAddress(const std::string& cluster) { return "endpoint/" + cluster; }
std::string KubeconfigAddress(const std::string& cluster, const std::string& ns,
                              const std::string& service_account) {
  return "kubeconfig/" + cluster + "/" + ns + "/" + service_account;
}
std::string LbAddressAddress(const std::string& cluster, const std::string& ns,
                             const std::string& service) {
  return "lb-address/" + cluster + "/" + ns + "/" + service;
}

Resource RootCaValue(const topology::RootCa& root) {
  json params;
  if (root.generate) {
    params = {{"generate", true},
              {"commonName", root.common_name},
              {"organization", root.organization},
              {"validityDays", root.validity_days},
              {"keyBits", 4096}};
  } else {
    params = {{"generate", false}, {"certFile", root.cert_file}, {"keyFile", root.key_file}};
  }
  return MakeValue(RootCaAddress(), "", {"ca-root", params}, true, root.location);
}

Resource IntermediateCaValue(const topology::IntermediateCa& ca, const std::string& cluster) {
  json params = {{"cluster", cluster},
                 {"subject", {{"O", "Istio"}, {"CN", "Intermediate CA"}, {"L", cluster}}},
                 {"dnsNames", {"istiod.istio-system.svc"}},
                 {"validityDays", ca.validity_days},
                 {"renewBeforeDays", ca.renew_before_days},
                 {"keyBits", 4096},
                 {"pathLen", 0}};
  Resource r =
      MakeValue(IntermediateCaAddress(cluster), "", {"ca-intermediate", params}, true, ca.location);
  DependOn(r, RootCaAddress());
  return r;
}

Resource TokenValue(const std::string& cluster, const std::string& ns,
                    const std::string& service_account, const std::string& secret_name,
                    const std::string& secret_address, const topology::Location& origin) {
  json params = {{"cluster", cluster},
                 {"namespace", ns},
                 {"serviceAccount", service_account},
                 {"secret", secret_name}};
  Resource r = MakeValue(TokenAddress(cluster, ns, service_account), cluster,
                         {"service-account-token", params}, true, origin);
  DependOn(r, secret_address);
  return r;
}

Resource EndpointValue(const topology::Cluster& cluster) {
  json params = {{"cluster", cluster.name}, {"context", cluster.context}};
  return MakeValue(EndpointAddress(cluster.name), cluster.name, {"cluster-endpoint", params}, false,
                   cluster.location);
}

Resource KubeconfigValue(const std::string& cluster, const std::string& ns, const std::string& sa,
                         const topology::Location& origin) {
  std::string token = TokenAddress(cluster, ns, sa);
  json params = {{"name", cluster},
                 {"server", MakePlaceholder(EndpointAddress(cluster), "server")},
                 {"certificateAuthorityData", MakePlaceholder(token, "ca.crt", "base64")},
                 {"token", MakePlaceholder(token, "token")}};
  Resource r =
      MakeValue(KubeconfigAddress(cluster, ns, sa), cluster, {"kubeconfig", params}, true, origin);
  DependOn(r, token);
  DependOn(r, EndpointAddress(cluster));
  return r;
}

Resource LbAddressValue(const std::string& cluster, const std::string& ns,
                        const std::string& service, const std::string& service_address,
                        const topology::Location& origin) {
  json params = {{"cluster", cluster}, {"namespace", ns}, {"service", service}};
  Resource r = MakeValue(LbAddressAddress(cluster, ns, service), cluster, {"lb-address", params},
                         false, origin);
  DependOn(r, service_address);
  return r;
}

}  // namespace meshform::resources
