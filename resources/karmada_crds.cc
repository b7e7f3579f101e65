// Karmada CRDs in the host cluster.
#include "resources/karmada_crds.h"

#include "resources/kubefed_crds.h"

namespace meshform::resources {

json KarmadaBindingCrdObject() {
  return CrdObject("work.karmada.io", "ResourceBinding", "resourcebindings", "v1alpha2", {"rb"});
}

void CompileKarmadaCrds(const topology::Topology& t, ResourceSet& out) {
  if (t.federation.type != topology::FederationType::kKarmada) return;
  const json crds[] = {
      CrdObject("policy.karmada.io", "PropagationPolicy", "propagationpolicies", "v1alpha1",
                {"pp"}),
      CrdObject("policy.karmada.io", "OverridePolicy", "overridepolicies", "v1alpha1", {"op"}),
      CrdObject("cluster.karmada.io", "Cluster", "clusters", "v1alpha1", json::array(), "Cluster"),
      KarmadaBindingCrdObject()};
  for (const auto& crd : crds)
    out.push_back(MakeObject(t.federation.host, crd, t.name, t.federation.location));
}

}  // namespace meshform::resources
