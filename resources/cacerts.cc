// CA values and cacerts Secrets.
#include "resources/cacerts.h"

#include "resources/multi_primary.h"
#include "resources/placeholder.h"
#include "resources/values.h"

namespace meshform::resources {

json CaCertsSecretObject(const std::string& cluster) {
  std::string ca = IntermediateCaAddress(cluster);
  json data = {{"ca-cert.pem", MakePlaceholder(ca, "cert", "base64")},
               {"ca-key.pem", MakePlaceholder(ca, "key", "base64")},
               {"root-cert.pem", MakePlaceholder(RootCaAddress(), "cert", "base64")},
               {"cert-chain.pem", MakePlaceholder(ca, "chain", "base64")}};
  return {{"apiVersion", "v1"},
          {"kind", "Secret"},
          {"metadata", {{"name", "cacerts"}, {"namespace", kIstioNamespace}}},
          {"type", "Opaque"},
          {"data", data}};
}

void CompileCaCerts(const topology::Topology& t, ResourceSet& out) {
  out.push_back(RootCaValue(t.ca.root));
  for (const auto& c : t.clusters) {
    out.push_back(IntermediateCaValue(t.ca.intermediate, c.name));
    out.push_back(
        MakeObject(c.name, CaCertsSecretObject(c.name), t.name, t.ca.intermediate.location));
  }
}

}  // namespace meshform::resources
