// Value resources: what meshform generates or observes while applying, and the fields each
// provides to placeholders. Nothing here is generated at compile time: compiling only declares
// the values, so compiled resource sets are deterministic.
//
// | type                  | address                                        | fields |
// |-----------------------|------------------------------------------------|------------------------|
// | ca-root               | ca/root                                        | cert, key | |
// ca-intermediate       | ca/intermediate/<cluster>                      | cert, key, chain, root |
// | service-account-token | token/<cluster>/<namespace>/<serviceaccount>   | token, ca.crt | |
// cluster-endpoint      | endpoint/<cluster>                             | server, caData         |
// | kubeconfig            | kubeconfig/<cluster>/<namespace>/<sa>          | kubeconfig | |
// lb-address            | lb-address/<cluster>/<namespace>/<service>     | address                |
//
// ca-*: keys are generated (or the root read from certFile/keyFile) as Istio's tools/certs
// Makefiles do; `chain` is cert followed by root. service-account-token: read from the token
// Secret named in params once the API server filled it. cluster-endpoint: the API server URL
// and CA (base64) of the cluster's kubeconfig context. kubeconfig: built by meshform from its
// params (which hold placeholders for server, CA and token) exactly as istioctl
// create-remote-secret writes it. lb-address: status.loadBalancer.ingress[0] (ip, else hostname).
#pragma once

#include <string>

#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::resources {

std::string RootCaAddress();
std::string IntermediateCaAddress(const std::string& cluster);
std::string TokenAddress(const std::string& cluster, const std::string& ns,
                         const std::string& service_account);
std::string EndpointAddress(const std::string& cluster);
std::string KubeconfigAddress(const std::string& cluster, const std::string& ns,
                              const std::string& service_account);
std::string LbAddressAddress(const std::string& cluster, const std::string& ns,
                             const std::string& service);

Resource RootCaValue(const topology::RootCa& root);
Resource IntermediateCaValue(const topology::IntermediateCa& ca, const std::string& cluster);
// A token read from the token Secret `secret_address` (namespace `ns`, name `secret_name`).
Resource TokenValue(const std::string& cluster, const std::string& ns,
                    const std::string& service_account, const std::string& secret_name,
                    const std::string& secret_address, const topology::Location& origin);
Resource EndpointValue(const topology::Cluster& cluster);
// The kubeconfig for service account `sa` of `cluster`, as istioctl create-remote-secret
// builds it (cluster, context and user all named after the cluster).
Resource KubeconfigValue(const std::string& cluster, const std::string& ns, const std::string& sa,
                         const topology::Location& origin);
Resource LbAddressValue(const std::string& cluster, const std::string& ns,
                        const std::string& service, const std::string& service_address,
                        const topology::Location& origin);

}  // namespace meshform::resources
