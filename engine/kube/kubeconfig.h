// kubeconfig, read as kubectl reads it: the KUBECONFIG chain merged by client-go's rules
// (first file defining a name wins, first non-empty current-context wins), or one explicit
// --kubeconfig file; contexts, clusters, users; paths relative to the file that defined them.
// Resolve() turns one context into a ClusterConfig with all files read, ready to connect.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/kube/transport.h"
#include "engine/util/error.h"

namespace meshform::kube {

// A kubeconfig that cannot be read or used; the message names the file, context or key.
class KubeconfigError : public Error {
 public:
  using Error::Error;
};

// users[].user.exec: a credential plugin (client.authentication.k8s.io/v1 or v1beta1).
struct ExecConfig {
  std::string command;  // absolute when it contains a '/', else looked up in PATH
  std::vector<std::string> args;
  std::vector<std::pair<std::string, std::string>> env;
  std::string api_version;
  std::string install_hint;
  bool provide_cluster_info = false;
  std::string interactive_mode;  // Never | IfAvailable | Always
};

struct KubeconfigCluster {
  std::string server;
  std::string tls_server_name;
  bool insecure_skip_tls_verify = false;
  std::string certificate_authority;       // absolute path
  std::string certificate_authority_data;  // decoded PEM
  std::string proxy_url;
  bool disable_compression = false;
  std::string origin;  // the file that defined it
};

struct KubeconfigUser {
  std::string client_certificate, client_certificate_data;  // path / decoded PEM
  std::string client_key, client_key_data;
  std::string token, token_file;
  std::string username, password;
  std::optional<ExecConfig> exec;
  std::string auth_provider;                 // name of an auth-provider entry (unsupported)
  std::string impersonate, impersonate_uid;  // as, as-uid
  bool impersonate_groups_or_extra = false;  // as-groups / as-user-extra (unsupported)
  std::string origin;
};

struct KubeconfigContext {
  std::string cluster, user, ns;
  std::string origin;
};

// One context resolved: where to connect and how to authenticate.
struct ClusterConfig {
  std::string context;  // also the cluster's name in messages and logs
  std::string server;   // https://host:port, without a trailing slash
  std::string ns = "default";
  TlsConfig tls;  // CA, client cert/key (read from files or -data), insecure, server name
  std::string token;
  std::string token_file;  // re-read periodically; wins over token
  std::string username, password;
  std::optional<ExecConfig> exec;
  std::string impersonate_user, impersonate_uid;  // Impersonate-User / Impersonate-Uid
  std::string proxy_url;
  bool disable_compression = false;
};

// --context/--cluster/--user/--namespace style overrides.
struct KubeconfigOverrides {
  std::string context, cluster, user, ns;
};

class Kubeconfig {
 public:
  // kubectl's rules: `explicit_path` alone if given (it must exist), else the files in
  // $KUBECONFIG (':'-separated; missing ones skipped), else ~/.kube/config.
  static Kubeconfig Load(const std::string& explicit_path = "");
  // The chain semantics over the given files (missing ones skipped, the rest merged).
  static Kubeconfig LoadChain(const std::vector<std::string>& paths);
  // One file's content; `origin` is its path (relative paths resolve against its folder).
  static Kubeconfig Parse(const std::string& yaml, const std::string& origin);

  const std::string& current_context() const { return current_context_; }
  std::vector<std::string> ContextNames() const;
  bool empty() const { return contexts_.empty() && clusters_.empty() && users_.empty(); }
  const std::vector<std::string>& files() const { return files_; }

  // Resolves a context (empty: the current context) with all referenced files read.
  ClusterConfig Resolve(const KubeconfigOverrides& overrides = {}) const;
  ClusterConfig Resolve(const std::string& context) const;

  const std::map<std::string, KubeconfigCluster>& clusters() const { return clusters_; }
  const std::map<std::string, KubeconfigUser>& users() const { return users_; }
  const std::map<std::string, KubeconfigContext>& contexts() const { return contexts_; }

 private:
  void MergeLater(const Kubeconfig& later);  // entries already present win

  std::map<std::string, KubeconfigCluster> clusters_;
  std::map<std::string, KubeconfigUser> users_;
  std::map<std::string, KubeconfigContext> contexts_;
  std::string current_context_;
  std::vector<std::string> files_;
};

}  // namespace meshform::kube
