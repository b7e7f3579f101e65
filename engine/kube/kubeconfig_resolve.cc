// Kubeconfig::Resolve: one context → a ClusterConfig with every referenced file read, and
// client-go's validation rules (see kubeconfig.h). Also the in-cluster fallback.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/kube/kubeconfig.h"

namespace meshform::kube {
namespace {

namespace fs = std::filesystem;

constexpr const char* kServiceAccountDir = "/var/run/secrets/kubernetes.io/serviceaccount";

std::string ReadReferenced(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw KubeconfigError(what + " file " + path + " cannot be read");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The *-data value if set, else the referenced file's content.
std::string DataOrFile(const std::string& data, const std::string& path, const std::string& what) {
  if (!data.empty()) return data;
  if (path.empty()) return "";
  return ReadReferenced(path, what);
}

void ApplyCluster(const KubeconfigCluster& c, const std::string& name, ClusterConfig& out) {
  if (c.server.empty()) throw KubeconfigError("cluster \"" + name + "\" has no server");
  out.server = c.server;
  while (!out.server.empty() && out.server.back() == '/') out.server.pop_back();
  bool has_ca = !c.certificate_authority_data.empty() || !c.certificate_authority.empty();
  if (has_ca && c.insecure_skip_tls_verify) {
    throw KubeconfigError("cluster \"" + name +
                          "\": certificate-authority and insecure-skip-tls-verify are exclusive");
  }
  out.tls.ca_pem = DataOrFile(c.certificate_authority_data, c.certificate_authority,
                              "cluster \"" + name + "\": certificate-authority");
  out.tls.insecure_skip_verify = c.insecure_skip_tls_verify;
  out.tls.server_name = c.tls_server_name;
  out.proxy_url = c.proxy_url;
  out.disable_compression = c.disable_compression;
}

void ApplyUser(const KubeconfigUser& u, const std::string& name, ClusterConfig& out) {
  std::string where = "user \"" + name + "\"";
  if (!u.auth_provider.empty()) {
    throw KubeconfigError(where + ": auth-provider \"" + u.auth_provider +
                          "\" is not supported; use an exec credential plugin");
  }
  bool has_cert = !u.client_certificate_data.empty() || !u.client_certificate.empty();
  bool has_key = !u.client_key_data.empty() || !u.client_key.empty();
  if (has_cert && !has_key)
    throw KubeconfigError(where + ": client-certificate without client-key");
  if (has_key && !has_cert)
    throw KubeconfigError(where + ": client-key without client-certificate");
  bool has_token = !u.token.empty() || !u.token_file.empty();
  if (has_token && (!u.username.empty() || !u.password.empty())) {
    throw KubeconfigError(where + ": token and username/password are exclusive");
  }
  out.tls.client_cert_pem =
      DataOrFile(u.client_certificate_data, u.client_certificate, where + ": client-certificate");
  out.tls.client_key_pem = DataOrFile(u.client_key_data, u.client_key, where + ": client-key");
  out.token = u.token;
  if (!u.token_file.empty()) {
    if (!fs::exists(u.token_file)) {
      throw KubeconfigError(where + ": tokenFile " + u.token_file + " does not exist");
    }
    out.token_file = u.token_file;
  }
  out.username = u.username;
  out.password = u.password;
  out.exec = u.exec;
  if (u.impersonate_groups_or_extra) {
    throw KubeconfigError(where + ": as-groups and as-user-extra are not supported");
  }
  out.impersonate_user = u.impersonate;
  out.impersonate_uid = u.impersonate_uid;
  if (out.exec && out.exec->command.empty()) throw KubeconfigError(where + ": exec has no command");
}

template <typename Map>
const typename Map::mapped_type& Find(const Map& map, const std::string& name,
                                      const std::string& what, const std::string& used_by = "") {
  auto it = map.find(name);
  if (it == map.end()) {
    throw KubeconfigError(what + " \"" + name + "\"" + used_by + " not found in kubeconfig");
  }
  return it->second;
}

bool InClusterAvailable() {
  return std::getenv("KUBERNETES_SERVICE_HOST") != nullptr &&
         std::getenv("KUBERNETES_SERVICE_PORT") != nullptr &&
         fs::is_regular_file(std::string(kServiceAccountDir) + "/token");
}

ClusterConfig InClusterConfig() {
  ClusterConfig out;
  out.context = "in-cluster";
  std::string host = std::getenv("KUBERNETES_SERVICE_HOST");
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  out.server = "https://" + host + ":" + std::getenv("KUBERNETES_SERVICE_PORT");
  std::string dir = kServiceAccountDir;
  out.tls.ca_pem = ReadReferenced(dir + "/ca.crt", "in-cluster certificate-authority");
  out.token_file = dir + "/token";
  if (const char* ns = std::getenv("POD_NAMESPACE"); ns != nullptr && *ns != '\0') {
    out.ns = ns;
  } else if (fs::exists(dir + "/namespace")) {
    out.ns = ReadReferenced(dir + "/namespace", "in-cluster namespace");
  }
  return out;
}

}  // namespace

ClusterConfig Kubeconfig::Resolve(const std::string& context) const {
  KubeconfigOverrides overrides;
  overrides.context = context;
  return Resolve(overrides);
}

ClusterConfig Kubeconfig::Resolve(const KubeconfigOverrides& o) const {
  if (empty() && o.context.empty() && InClusterAvailable()) return InClusterConfig();
  std::string context_name = o.context.empty() ? current_context_ : o.context;
  if (context_name.empty()) {
    throw KubeconfigError("no context chosen and kubeconfig has no current-context" +
                          (files_.empty() ? std::string(" (no kubeconfig file found)") : ""));
  }
  const KubeconfigContext& ctx = Find(contexts_, context_name, "context");
  ClusterConfig out;
  out.context = context_name;
  std::string cluster_name = o.cluster.empty() ? ctx.cluster : o.cluster;
  std::string user_name = o.user.empty() ? ctx.user : o.user;
  ApplyCluster(Find(clusters_, cluster_name, "cluster", " (of context \"" + context_name + "\")"),
               cluster_name, out);
  if (!user_name.empty()) {
    ApplyUser(Find(users_, user_name, "user", " (of context \"" + context_name + "\")"), user_name,
              out);
  }
  out.ns = !o.ns.empty() ? o.ns : (!ctx.ns.empty() ? ctx.ns : "default");
  return out;
}

}  // namespace meshform::kube
