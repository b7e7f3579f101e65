// Helpers for the integration tests against the real local clusters: clients for a context,
// kubeconfig variants for each auth method (built from the harness's kubeconfig and the files
// beside it), and a scratch namespace per test.
#pragma once

#include <memory>
#include <string>

#include "engine/kube/client.h"
#include "tests/unit/kube/temp_dir.h"

namespace meshform::kube::testing {

// The harness's kubeconfig (KUBECONFIG) and the contexts of the running clusters.
Kubeconfig HarnessKubeconfig();
std::string Context(size_t index);  // index into MESHFORM_TEST_CONTEXTS

// A client for a context of the harness kubeconfig (client-certificate auth).
std::unique_ptr<Client> AdminClient(const std::string& context, ClientOptions options = {});

// The static admin bearer token of a cluster (from $(dirname KUBECONFIG)/<cluster>/admin.token).
std::string AdminToken(const std::string& context);

// Writes a kubeconfig with one context `context` for the cluster's server and CA and the given
// YAML `user:` body (indented by the caller as a flow mapping, e.g. "{token: abc}").
std::string WriteKubeconfig(const TempDir& dir, const std::string& context,
                            const std::string& user_flow_yaml,
                            const std::string& cluster_extra_flow = "");

// A uniquely named namespace, created on construction and deleted (without waiting) at the end.
class ScratchNamespace {
 public:
  ScratchNamespace(Client& client, const std::string& prefix);
  ~ScratchNamespace();
  const std::string& name() const { return name_; }

 private:
  Client& client_;
  std::string name_;
};

json ConfigMap(const std::string& ns, const std::string& name, const json& data,
               const json& labels = json::object());

}  // namespace meshform::kube::testing
