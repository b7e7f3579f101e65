// The "control-plane" category of `meshform check`: every istiod Deployment the topology
// compiles is available; every sidecar-injection MutatingWebhookConfiguration it compiles
// exists with its webhooks; every remote secret it compiles (istio-system/istio-remote-secret-R
// in a primary) exists labelled istio/multiCluster "true" and annotated
// networking.istio.io/cluster R, holds a kubeconfig under the key R, and that kubeconfig's own
// credentials authenticate against R and may get, list and watch what Istio's reader role
// needs there (SelfSubjectAccessReviews sent with them); every remote's fields that hold the
// primary's gateway address (the remote pilot address) still hold it (pilot_address.h). Never
// prints the kubeconfig, its token or any Secret data.
#pragma once

#include <string>
#include <vector>

#include "engine/check/report.h"
#include "engine/kube/cluster_clients.h"
#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::check {

// What istiod reads in a cluster it discovers (verb, group, resource), as reviewed.
struct ReaderNeed {
  std::string verb, group, resource;
};
const std::vector<ReaderNeed>& ReaderNeeds();

// `remote_options`: how a client built from a remote secret's kubeconfig connects (its
// transport, timeouts); its credentials always come from that kubeconfig alone.
std::vector<Check> ControlPlaneChecks(const kube::ClusterClients& clients,
                                      const topology::Topology& t,
                                      const resources::ResourceSet& desired,
                                      const kube::ClientOptions& remote_options);

}  // namespace meshform::check
