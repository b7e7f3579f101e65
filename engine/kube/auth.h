// Authentication of requests to one cluster: bearer token, token file (re-read every minute),
// basic auth, client certificate, or an exec plugin's token or certificate.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "engine/kube/clock.h"
#include "engine/kube/exec_plugin.h"
#include "engine/kube/kubeconfig.h"
#include "engine/kube/transport.h"

namespace meshform::kube {

class Authenticator {
 public:
  // `exec_timeout`: how long one run of the exec credential plugin (if any) may take.
  Authenticator(const ClusterConfig& config, Clock& clock,
                std::chrono::milliseconds exec_timeout = kDefaultExecTimeout);

  // Sets the Authorization header and the TLS material (CA, client certificate) of `request`.
  void Authorize(HttpRequest& request);

  // After a 401: forgets cached exec/token-file credentials. True when fresh credentials may
  // be obtained, so that one retry is worthwhile.
  bool OnUnauthorized();

 private:
  std::string FileToken();
  void ApplyExec(HttpRequest& request);

  const ClusterConfig config_;
  Clock& clock_;
  const std::chrono::milliseconds exec_timeout_;
  const std::shared_ptr<const TlsConfig> base_tls_;
  std::mutex mu_;
  std::string file_token_;
  TimePoint file_token_read_{};
  bool file_token_valid_ = false;
  ExecCredential last_exec_;
  std::shared_ptr<const TlsConfig> exec_tls_;
};

}  // namespace meshform::kube
