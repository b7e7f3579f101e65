// The lock's fake API server (see fake_lease_server.h).
#include "tests/unit/state/fake_lease_server.h"

#include <regex>

namespace meshform::testing {
namespace {

using kube::FakeTransport;
using nlohmann::json;

const std::string kServer = "https://leases.invalid";

const json kCore = {{"groupVersion", "v1"},
                    {"resources",
                     {{{"name", "namespaces"},
                       {"namespaced", false},
                       {"kind", "Namespace"},
                       {"verbs", {"get", "create"}}}}}};
const json kCoordination = {{"groupVersion", "coordination.k8s.io/v1"},
                            {"resources",
                             {{{"name", "leases"},
                               {"namespaced", true},
                               {"kind", "Lease"},
                               {"verbs", {"get", "create", "update"}}}}}};

}  // namespace

FakeLeaseServer::FakeLeaseServer() {
  transport_->SetHandler([this](const kube::HttpRequest& request) { return Answer(request); });
}

std::unique_ptr<kube::Client> FakeLeaseServer::NewClient() {
  kube::ClusterConfig config;
  config.context = "host";
  config.server = kServer;
  config.token = "t";
  kube::ClientOptions options;
  options.transport = transport_;
  options.clock = &clock_;
  options.jitter_seed = 1;
  return std::make_unique<kube::Client>(config, options);
}

bool FakeLeaseServer::HasNamespace(const std::string& name) const {
  std::lock_guard guard(mu_);
  return namespaces_.count(name) > 0;
}

json FakeLeaseServer::Lease(const std::string& ns, const std::string& name) const {
  std::lock_guard guard(mu_);
  auto it = leases_.find(ns + "/" + name);
  return it == leases_.end() ? json() : it->second;
}

void FakeLeaseServer::PutLease(json lease) {
  std::lock_guard guard(mu_);
  std::string ns = lease["metadata"]["namespace"], name = lease["metadata"]["name"];
  namespaces_.insert(ns);
  lease["metadata"]["resourceVersion"] = std::to_string(++version_);
  leases_[ns + "/" + name] = lease;
}

void FakeLeaseServer::DeleteLease(const std::string& ns, const std::string& name) {
  std::lock_guard guard(mu_);
  leases_.erase(ns + "/" + name);
}

void FakeLeaseServer::FailNextUpdate() {
  std::lock_guard guard(mu_);
  fail_next_update_ = true;
}

kube::HttpResponse FakeLeaseServer::Answer(const kube::HttpRequest& request) {
  std::string path = request.url.substr(kServer.size());
  path = path.substr(0, path.find('?'));
  if (path == "/api/v1") return FakeTransport::Json(200, kCore.dump());
  if (path == "/apis/coordination.k8s.io/v1") return FakeTransport::Json(200, kCoordination.dump());
  std::lock_guard guard(mu_);
  if (path.rfind("/api/v1/namespaces", 0) == 0) return Namespaces(request);
  static const std::regex kLease(
      R"(/apis/coordination.k8s.io/v1/namespaces/([^/]+)/leases(?:/([^/]+))?)");
  std::smatch match;
  if (std::regex_match(path, match, kLease)) return Leases(request, match[1], match[2]);
  return FakeTransport::Status(404, "NotFound", "no such path " + path);
}

kube::HttpResponse FakeLeaseServer::Namespaces(const kube::HttpRequest& request) {
  json ns = json::parse(request.body);
  std::string name = ns["metadata"]["name"];
  if (!namespaces_.insert(name).second) {
    return FakeTransport::Status(409, "AlreadyExists", "namespace exists");
  }
  return FakeTransport::Json(201, ns.dump());
}

kube::HttpResponse FakeLeaseServer::Leases(const kube::HttpRequest& request, const std::string& ns,
                                           const std::string& name) {
  if (!namespaces_.count(ns)) return FakeTransport::Status(404, "NotFound", "no namespace");
  if (request.method == "POST") {
    json lease = json::parse(request.body);
    std::string key = ns + "/" + lease["metadata"]["name"].get<std::string>();
    if (leases_.count(key)) return FakeTransport::Status(409, "AlreadyExists", "lease exists");
    lease["metadata"]["resourceVersion"] = std::to_string(++version_);
    leases_[key] = lease;
    return FakeTransport::Json(201, lease.dump());
  }
  auto it = leases_.find(ns + "/" + name);
  if (it == leases_.end()) return FakeTransport::Status(404, "NotFound", "no lease");
  if (request.method == "GET") return FakeTransport::Json(200, it->second.dump());
  json lease = json::parse(request.body);
  if (fail_next_update_ ||
      lease["metadata"].value("resourceVersion", "") != it->second["metadata"]["resourceVersion"]) {
    fail_next_update_ = false;
    return FakeTransport::Status(409, "Conflict", "the object has been modified");
  }
  lease["metadata"]["resourceVersion"] = std::to_string(++version_);
  it->second = lease;
  return FakeTransport::Json(200, lease.dump());
}

}  // namespace meshform::testing
