// Request authentication (see auth.h).
#include "engine/kube/auth.h"

#include <fstream>
#include <sstream>

#include "engine/kube/errors.h"
#include "engine/util/base64.h"

namespace meshform::kube {
namespace {

constexpr auto kTokenFileRefresh = std::chrono::minutes(1);

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

Authenticator::Authenticator(const ClusterConfig& config, Clock& clock,
                             std::chrono::milliseconds exec_timeout)
    : config_(config),
      clock_(clock),
      exec_timeout_(exec_timeout),
      base_tls_(std::make_shared<TlsConfig>(config.tls)) {}

std::string Authenticator::FileToken() {
  std::lock_guard lock(mu_);
  TimePoint now = clock_.Now();
  if (file_token_valid_ && now - file_token_read_ < kTokenFileRefresh) return file_token_;
  std::ifstream in(config_.token_file);
  if (!in) {
    throw CredentialError({config_.context, "read", "tokenFile " + config_.token_file}, 0,
                          "TokenFileUnreadable", "cannot read the token file");
  }
  std::ostringstream text;
  text << in.rdbuf();
  file_token_ = Trim(text.str());
  file_token_read_ = now;
  file_token_valid_ = true;
  return file_token_;
}

void Authenticator::ApplyExec(HttpRequest& request) {
  ExecCredential cred =
      ExecCredentialCache::Instance().Get(*config_.exec, config_, clock_, exec_timeout_);
  std::lock_guard lock(mu_);
  last_exec_ = cred;
  if (!cred.token.empty()) request.headers["Authorization"] = "Bearer " + cred.token;
  if (cred.client_cert_pem.empty()) return;
  if (!exec_tls_ || exec_tls_->client_cert_pem != cred.client_cert_pem) {
    auto tls = std::make_shared<TlsConfig>(*base_tls_);
    tls->client_cert_pem = cred.client_cert_pem;
    tls->client_key_pem = cred.client_key_pem;
    exec_tls_ = tls;
  }
  request.tls = exec_tls_;
}

void Authenticator::Authorize(HttpRequest& request) {
  request.tls = base_tls_;
  if (!config_.impersonate_user.empty())
    request.headers["Impersonate-User"] = config_.impersonate_user;
  if (!config_.impersonate_uid.empty())
    request.headers["Impersonate-Uid"] = config_.impersonate_uid;
  if (request.headers.count("Authorization") > 0) return;  // the caller chose credentials
  if (!config_.token_file.empty()) {
    request.headers["Authorization"] = "Bearer " + FileToken();
  } else if (!config_.token.empty()) {
    request.headers["Authorization"] = "Bearer " + config_.token;
  } else if (!config_.username.empty()) {
    request.headers["Authorization"] =
        "Basic " + util::Base64Encode(config_.username + ":" + config_.password);
  }
  if (config_.exec && request.headers.count("Authorization") == 0) ApplyExec(request);
}

bool Authenticator::OnUnauthorized() {
  if (config_.exec) {
    ExecCredential stale;
    {
      std::lock_guard lock(mu_);
      stale = last_exec_;
    }
    ExecCredentialCache::Instance().Invalidate(*config_.exec, config_, stale);
    return true;
  }
  if (!config_.token_file.empty()) {
    std::lock_guard lock(mu_);
    file_token_valid_ = false;
    return true;
  }
  return false;
}

}  // namespace meshform::kube
