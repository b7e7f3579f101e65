// The remote secret's kubeconfig (see kubeconfig_yaml.h). clientcmd writes the keys of each
// map in alphabetical order, two-space indentation, lists not indented under their key, and
// `preferences: {}`.
#include "engine/apply/kubeconfig_yaml.h"

#include "engine/plan/value_sources.h"

namespace meshform::apply {

std::string RemoteSecretKubeconfig(const RemoteKubeconfig& k) {
  // One writer for plan and apply, so that a plan never sees its own apply's output as drift.
  return plan::RemoteKubeconfig(k.name, k.server, k.ca_data, k.token);
}

}  // namespace meshform::apply
