// The Istio renderer: the command from the topology (mesh.renderer.command) that prints Istio's
// manifests for one cluster, run at compile (plan) time.
//
// Interface: meshform appends istioctl-style `--set <path>=<value>` pairs to the command, so
// `istioctl manifest generate` takes them as they are and tools/istio-renderer (the local
// stand-in) understands the same paths:
//   --set profile=default|remote
//   --set revision=<revision>                         (when the topology sets one)
//   --set meshConfig.trustDomain=<trust domain>
//   --set values.global.meshID=<mesh id>
//   --set values.global.multiCluster.clusterName=<cluster>
//   --set values.global.network=<network>
//   --set components.ingressGateways[0].name=istio-ingressgateway
//   --set components.ingressGateways[0].enabled=true
//   remotes:   --set values.global.remotePilotAddress=192.0.2.1
//              --set values.istiodRemote.injectionPath=/inject/cluster/<cluster>/net/<network>
//   primaries, per network N, per cluster C of N (i = 0, 1, ...):
//              --set values.global.meshNetworks.N.endpoints[i].fromRegistry=C
//              --set values.global.meshNetworks.N.gateways[0].registry_service_name=
//                    istio-ingressgateway.istio-system.svc.cluster.local
//              --set values.global.meshNetworks.N.gateways[0].port=<gateway port>
// The remote pilot address is known only after apply (the primary's gateway LoadBalancer
// address), so it is passed as the marker 192.0.2.1 (TEST-NET-1, RFC 5737: never a real
// address; an IP so that charts take their IP branch). Every occurrence of the marker in the
// output becomes a placeholder for lb-address/<primary>/istio-system/istio-ingressgateway.
// stdout must be multi-document YAML; any failure (see util::FailureMessage) is a compile error
// showing the tail of stderr. The printed objects are normalised (manifest_normalization.h:
// ports without protocol get TCP, a namespaced object without a namespace goes to istio-system,
// status is dropped); invalid YAML, an object printed twice or of an unknown kind is a compile
// error naming the renderer, the cluster and the document. One run may take
// mesh.renderer.timeoutSeconds (default 300); then the renderer and the processes it started are
// killed and the error names the renderer, the cluster and the timeout.
#pragma once

#include <string>
#include <vector>

#include "engine/topology/model.h"
#include "engine/util/subprocess.h"
#include "resources/resource.h"

namespace meshform::resources {

inline constexpr const char* kRemotePilotMarker = "192.0.2.1";

// The full argv for `cluster`: the topology's command (argv[0] resolved against the topology
// file's folder when relative and containing '/') plus the --set pairs above.
std::vector<std::string> RendererArgv(const topology::Topology& t,
                                      const topology::Cluster& cluster);

// Runs the renderer for `cluster` and returns the objects it printed, markers replaced by
// placeholders. Throws meshform::Error (with the renderer's file:line:col) on failure.
std::vector<json> RenderIstio(const topology::Topology& t, const topology::Cluster& cluster,
                              util::ProcessRunner& runner);

}  // namespace meshform::resources
