// Exec credential plugins and their cache (see exec_plugin.h); the process runner is
// engine/util/subprocess.h.
#include "engine/kube/exec_plugin.h"

#include <spdlog/spdlog.h>

#include <condition_variable>
#include <ctime>
#include <exception>
#include <nlohmann/json.hpp>

#include "engine/kube/errors.h"
#include "engine/util/base64.h"
#include "engine/util/subprocess.h"

namespace meshform::kube {
namespace {

using nlohmann::json;

constexpr const char* kV1 = "client.authentication.k8s.io/v1";
constexpr const char* kV1beta1 = "client.authentication.k8s.io/v1beta1";

[[noreturn]] void Fail(const ExecConfig& exec, const ClusterConfig& cluster,
                       const std::string& what) {
  throw CredentialError({cluster.context, "exec credential plugin", exec.command}, 0,
                        "ExecPluginFailed", what);
}

json ExecInfo(const ExecConfig& exec, const ClusterConfig& cluster) {
  json spec = {{"interactive", false}};
  if (exec.provide_cluster_info) {
    json c = {{"server", cluster.server},
              {"insecure-skip-tls-verify", cluster.tls.insecure_skip_verify}};
    if (!cluster.tls.server_name.empty()) c["tls-server-name"] = cluster.tls.server_name;
    if (!cluster.tls.ca_pem.empty())
      c["certificate-authority-data"] = util::Base64Encode(cluster.tls.ca_pem);
    if (!cluster.proxy_url.empty()) c["proxy-url"] = cluster.proxy_url;
    spec["cluster"] = c;
  }
  return {{"kind", "ExecCredential"}, {"apiVersion", exec.api_version}, {"spec", spec}};
}

void Validate(const ExecConfig& exec, const ClusterConfig& cluster) {
  if (exec.api_version != kV1 && exec.api_version != kV1beta1) {
    Fail(exec, cluster,
         "apiVersion \"" + exec.api_version + "\" is not supported (use " + kV1 + " or " +
             kV1beta1 + ")");
  }
  if (exec.api_version == kV1 && exec.interactive_mode.empty()) {
    Fail(exec, cluster, "interactiveMode must be specified for " + std::string(kV1));
  }
  if (exec.interactive_mode == "Always") {
    Fail(exec, cluster,
         "interactiveMode Always needs a terminal; meshform runs plugins without one");
  }
}

ExecCredential ParseOutput(const ExecConfig& exec, const ClusterConfig& cluster,
                           const std::string& out) {
  json doc = json::parse(out, nullptr, false);
  if (!doc.is_object()) Fail(exec, cluster, "output is not a JSON ExecCredential");
  if (doc.value("apiVersion", "") != exec.api_version) {
    Fail(exec, cluster,
         "returned apiVersion \"" + doc.value("apiVersion", "") + "\", expected \"" +
             exec.api_version + "\"");
  }
  if (doc.value("kind", "") != "ExecCredential")
    Fail(exec, cluster, "output kind is not ExecCredential");
  if (!doc.contains("status") || !doc["status"].is_object())
    Fail(exec, cluster, "output has no status");
  const json& s = doc["status"];
  ExecCredential cred;
  cred.token = s.value("token", "");
  cred.client_cert_pem = s.value("clientCertificateData", "");
  cred.client_key_pem = s.value("clientKeyData", "");
  if (cred.client_cert_pem.empty() != cred.client_key_pem.empty()) {
    Fail(exec, cluster, "status must hold both clientCertificateData and clientKeyData or neither");
  }
  if (cred.token.empty() && cred.client_cert_pem.empty()) {
    Fail(exec, cluster, "status holds neither a token nor a client certificate");
  }
  std::string expiry = s.value("expirationTimestamp", "");
  if (!expiry.empty()) {
    cred.expiry = ParseRfc3339(expiry);
    if (!cred.expiry) Fail(exec, cluster, "expirationTimestamp \"" + expiry + "\" is not RFC 3339");
  }
  return cred;
}

std::string CacheKey(const ExecConfig& exec, const ClusterConfig& cluster) {
  json key = {exec.command, exec.args, exec.api_version, cluster.server, exec.provide_cluster_info};
  for (const auto& [name, value] : exec.env) key.push_back(name + "=" + value);
  return key.dump();
}

bool Fresh(const ExecCredential& cred, const Clock& clock) {
  return !cred.expiry || *cred.expiry > clock.WallNow();
}

}  // namespace

// One plugin run in progress; its callers wait on `done` under the cache's mutex.
struct ExecCredentialCache::Flight {
  std::condition_variable done;
  bool finished = false;
  int waiting = 0;
  ExecCredential result;
  std::exception_ptr error;
};

ExecCredential RunExecPlugin(const ExecConfig& exec, const ClusterConfig& cluster,
                             std::chrono::milliseconds timeout) {
  Validate(exec, cluster);
  util::ProcessRequest request;
  request.argv = {exec.command};
  request.argv.insert(request.argv.end(), exec.args.begin(), exec.args.end());
  request.extra_env = exec.env;
  request.extra_env.emplace_back("KUBERNETES_EXEC_INFO", ExecInfo(exec, cluster).dump());
  request.timeout = timeout;
  util::RealProcessRunner runner;
  util::ProcessResult result = runner.Run(request);
  if (!result.ok()) {
    bool hint = result.end == util::ProcessEnd::kNotStarted && !exec.install_hint.empty();
    Fail(exec, cluster,
         util::FailureMessage(request, result) + (hint ? "\n" + exec.install_hint : ""));
  }
  spdlog::debug("{}: exec credential plugin {} ran", cluster.context, exec.command);
  return ParseOutput(exec, cluster, result.out);
}

ExecCredentialCache& ExecCredentialCache::Instance() {
  static ExecCredentialCache instance;
  return instance;
}

ExecCredential ExecCredentialCache::Get(const ExecConfig& exec, const ClusterConfig& cluster,
                                        const Clock& clock, std::chrono::milliseconds timeout) {
  std::string key = CacheKey(exec, cluster);
  std::unique_lock lock(mu_);
  auto cached = cache_.find(key);
  if (cached != cache_.end() && Fresh(cached->second, clock)) return cached->second;
  if (auto in_flight = flights_.find(key); in_flight != flights_.end()) {
    std::shared_ptr<Flight> flight = in_flight->second;
    ++flight->waiting;
    flight->done.wait(lock, [&] { return flight->finished; });
    --flight->waiting;
    if (flight->error) std::rethrow_exception(flight->error);
    return flight->result;
  }
  auto flight = std::make_shared<Flight>();
  flights_[key] = flight;
  ++runs_;
  lock.unlock();
  // The plugin runs without the lock: other keys, cache hits and Invalidate go on meanwhile.
  try {
    flight->result = RunExecPlugin(exec, cluster, timeout);
  } catch (...) {
    flight->error = std::current_exception();
  }
  lock.lock();
  if (!flight->error) cache_[key] = flight->result;
  flights_.erase(key);
  flight->finished = true;
  flight->done.notify_all();
  if (flight->error) std::rethrow_exception(flight->error);
  return flight->result;
}

void ExecCredentialCache::Invalidate(const ExecConfig& exec, const ClusterConfig& cluster,
                                     const ExecCredential& stale) {
  std::lock_guard lock(mu_);
  auto it = cache_.find(CacheKey(exec, cluster));
  if (it != cache_.end() && it->second.token == stale.token &&
      it->second.client_cert_pem == stale.client_cert_pem) {
    cache_.erase(it);
  }
}

int ExecCredentialCache::runs() const {
  std::lock_guard lock(mu_);
  return runs_;
}

int ExecCredentialCache::Waiting(const ExecConfig& exec, const ClusterConfig& cluster) const {
  std::lock_guard lock(mu_);
  auto it = flights_.find(CacheKey(exec, cluster));
  return it == flights_.end() ? 0 : it->second->waiting;
}

std::optional<std::chrono::system_clock::time_point> ParseRfc3339(const std::string& text) {
  std::tm tm{};
  int consumed = 0;
  if (sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
             &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) != 6) {
    return std::nullopt;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  size_t pos = static_cast<size_t>(consumed);
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
  }
  long offset = 0;
  std::string zone = text.substr(pos);
  if (zone == "Z" || zone == "z") {
    offset = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    long minutes = std::stol(zone.substr(1, 2)) * 60 + std::stol(zone.substr(4, 2));
    offset = (zone[0] == '+' ? 1 : -1) * minutes * 60;
  } else {
    return std::nullopt;
  }
  time_t seconds = timegm(&tm) - offset;
  return std::chrono::system_clock::from_time_t(seconds);
}

}  // namespace meshform::kube
