// Integration test helpers (see cluster_env.h).
#include "tests/integration/kube/cluster_env.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/util/base64.h"
#include "tests/support/clusters.h"

namespace meshform::kube::testing {

Kubeconfig HarnessKubeconfig() { return Kubeconfig::Load(meshform::testing::TestKubeconfig()); }

std::string Context(size_t index) { return meshform::testing::TestContexts(index + 1).at(index); }

std::unique_ptr<Client> AdminClient(const std::string& context, ClientOptions options) {
  return std::make_unique<Client>(HarnessKubeconfig().Resolve(context), options);
}

std::string AdminToken(const std::string& context) {
  std::filesystem::path dir =
      std::filesystem::path(meshform::testing::TestKubeconfig()).parent_path();
  std::ifstream in(dir / context / "admin.token");
  if (!in) throw std::runtime_error("no admin.token for cluster " + context);
  std::string token;
  in >> token;
  return token;
}

std::string WriteKubeconfig(const TempDir& dir, const std::string& context,
                            const std::string& user_flow_yaml, const std::string& cluster_extra) {
  ClusterConfig admin = HarnessKubeconfig().Resolve(context);
  std::ostringstream out;
  out << "apiVersion: v1\nkind: Config\n"
      << "clusters: [{name: c, cluster: {server: \"" << admin.server << "\"";
  if (cluster_extra.find("insecure-skip-tls-verify") == std::string::npos &&
      cluster_extra.find("certificate-authority") == std::string::npos) {
    out << ", certificate-authority-data: " << util::Base64Encode(admin.tls.ca_pem);
  }
  if (!cluster_extra.empty()) out << ", " << cluster_extra;
  out << "}}]\n"
      << "users: [{name: u, user: " << user_flow_yaml << "}]\n"
      << "contexts: [{name: " << context << ", context: {cluster: c, user: u}}]\n"
      << "current-context: " << context << "\n";
  return dir.Write("kubeconfig-" + context, out.str());
}

ScratchNamespace::ScratchNamespace(Client& client, const std::string& prefix)
    : client_(client), name_(meshform::testing::UniqueName(prefix)) {
  client_.Apply({{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name_}}}});
}

ScratchNamespace::~ScratchNamespace() {
  try {
    DeleteOptions options;
    options.ignore_not_found = true;
    client_.Delete({"v1", "Namespace", "", name_}, options);
  } catch (const std::exception&) {
    // Cleanup is best effort; the clusters are thrown away after the run.
  }
}

json ConfigMap(const std::string& ns, const std::string& name, const json& data,
               const json& labels) {
  return {{"apiVersion", "v1"},
          {"kind", "ConfigMap"},
          {"metadata", {{"name", name}, {"namespace", ns}, {"labels", labels}}},
          {"data", data}};
}

}  // namespace meshform::kube::testing
