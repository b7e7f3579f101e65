// Exec credential plugins (users[].user.exec): runs the command with its args and env and
// KUBERNETES_EXEC_INFO, reads the ExecCredential it prints (token, or client certificate and
// key), and caches it process-wide until its expirationTimestamp (or until a 401).
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "engine/kube/clock.h"
#include "engine/kube/kubeconfig.h"

namespace meshform::kube {

struct ExecCredential {
  std::string token;
  std::string client_cert_pem;
  std::string client_key_pem;
  std::optional<std::chrono::system_clock::time_point> expiry;
};

// Runs the plugin once, without caching. Throws kube::CredentialError naming the plugin.
ExecCredential RunExecPlugin(const ExecConfig& exec, const ClusterConfig& cluster);

// The process-wide cache in front of RunExecPlugin.
class ExecCredentialCache {
 public:
  static ExecCredentialCache& Instance();

  // A cached credential that has not expired at clock.WallNow(), else a fresh one.
  ExecCredential Get(const ExecConfig& exec, const ClusterConfig& cluster, const Clock& clock);
  // Forgets the cached credential of this plugin if it is still `stale` (after a 401).
  void Invalidate(const ExecConfig& exec, const ClusterConfig& cluster,
                  const ExecCredential& stale);
  // Number of plugin runs so far (for tests and logs).
  int runs() const;

 private:
  struct Entry;
  ExecCredentialCache() = default;
};

// RFC 3339 ("2026-11-25T18:00:00Z", fractions and offsets allowed); nullopt if malformed.
std::optional<std::chrono::system_clock::time_point> ParseRfc3339(const std::string& text);

}  // namespace meshform::kube
