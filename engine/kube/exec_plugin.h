// Exec credential plugins (users[].user.exec): runs the command with its args and env and
// KUBERNETES_EXEC_INFO, reads the ExecCredential it prints (token, or client certificate and
// key), and caches it process-wide until its expirationTimestamp (or until a 401). Each run has
// a timeout (then the plugin's process group is killed). At most one run per credential key
// (command, args, env, apiVersion, server) is in flight: concurrent callers with that key wait
// for it and share its result; other keys run in parallel, and no lock is held while a plugin
// runs.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
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

// How long one plugin run may take unless ClientOptions::exec_timeout says otherwise.
inline constexpr std::chrono::milliseconds kDefaultExecTimeout{60000};

// Runs the plugin once, without caching, killing it after `timeout`. Throws
// kube::CredentialError naming the cluster (context) and the plugin, e.g. "beijing: exec
// credential plugin /usr/bin/p: program "/usr/bin/p" timed out after 60 s and was killed".
ExecCredential RunExecPlugin(const ExecConfig& exec, const ClusterConfig& cluster,
                             std::chrono::milliseconds timeout = kDefaultExecTimeout);

// The process-wide cache in front of RunExecPlugin, with single flight per credential key.
class ExecCredentialCache {
 public:
  static ExecCredentialCache& Instance();

  // A cached credential that has not expired at clock.WallNow(); else the result of the run in
  // flight for the same key (waited for, shared, even when a failure); else a fresh run with
  // `timeout`. Failures are not cached: the next call runs the plugin again.
  ExecCredential Get(const ExecConfig& exec, const ClusterConfig& cluster, const Clock& clock,
                     std::chrono::milliseconds timeout = kDefaultExecTimeout);
  // Forgets the cached credential of this plugin if it is still `stale` (after a 401).
  void Invalidate(const ExecConfig& exec, const ClusterConfig& cluster,
                  const ExecCredential& stale);
  // Number of plugin runs so far (for tests and logs).
  int runs() const;
  // Callers now waiting for the run in flight for this key (for tests).
  int Waiting(const ExecConfig& exec, const ClusterConfig& cluster) const;

 private:
  struct Flight;
  ExecCredentialCache() = default;

  mutable std::mutex mu_;
  std::map<std::string, ExecCredential> cache_;
  std::map<std::string, std::shared_ptr<Flight>> flights_;
  int runs_ = 0;
};

// RFC 3339 ("2026-11-25T18:00:00Z", fractions and offsets allowed); nullopt if malformed.
std::optional<std::chrono::system_clock::time_point> ParseRfc3339(const std::string& text);

}  // namespace meshform::kube
