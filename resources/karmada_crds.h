// The Karmada CRDs meshform's objects need in the Karmada control plane (the host cluster's API
// server): PropagationPolicy and OverridePolicy (policy.karmada.io/v1alpha1, Namespaced),
// Cluster (cluster.karmada.io/v1alpha1, Cluster-scoped) and ResourceBinding
// (work.karmada.io/v1alpha2, Namespaced: Karmada writes one per propagated template, and
// meshform's readiness waits on it). Minimal structural CRDs with an open schema (as for
// KubeFed, kubefed_crds.h), not Karmada's own; meshform does not install Karmada's
// controllers.
#pragma once

#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::resources {

void CompileKarmadaCrds(const topology::Topology& t, ResourceSet& out);

// The ResourceBinding CRD: no object of meshform's is of its kind, so the ordering rules do not
// see what needs it; the policies and templates depend on it explicitly (karmada_policies.h).
json KarmadaBindingCrdObject();

}  // namespace meshform::resources
