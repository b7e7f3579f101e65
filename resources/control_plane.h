// The Istio control plane of every cluster: the objects the renderer prints (istiod and the
// ingress gateway on primaries, the remote profile on remotes), as ordinary resources. When a
// primary serves remotes, the address of its ingress gateway's LoadBalancer becomes the value
// lb-address/<primary>/istio-system/istio-ingressgateway that the remotes' placeholders name.
// Objects meshform itself makes (e.g. the istio-reader ServiceAccount and ClusterRole, which
// istioctl also renders) keep meshform's form: renderer objects with the same address are
// dropped.
#pragma once

#include <set>

#include "engine/topology/model.h"
#include "engine/util/subprocess.h"
#include "resources/resource.h"

namespace meshform::resources {

// Appends to `out`, skipping objects whose address `out` already holds. Throws meshform::Error
// listing every cluster whose renderer failed.
void CompileControlPlanes(const topology::Topology& t, util::ProcessRunner& runner,
                          ResourceSet& out);

}  // namespace meshform::resources
