// The shared root CA, one intermediate CA per cluster signed by it, and the Istio plug-in CA
// Secret istio-system/cacerts in every cluster (keys ca-cert.pem, ca-key.pem, root-cert.pem,
// cert-chain.pem, as `kubectl create secret generic cacerts --from-file=...` makes it). The
// Secret's data are placeholders for the CA values: nothing is generated at compile time.
#pragma once

#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::resources {

void CompileCaCerts(const topology::Topology& t, ResourceSet& out);

json CaCertsSecretObject(const std::string& cluster);

}  // namespace meshform::resources
