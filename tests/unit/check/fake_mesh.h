// An in-process API server per cluster for the verification checks (FakeTransport behind a real
// kube::Client): it serves discovery for the kinds the checks read, GETs of the objects put into
// it, and SelfSubjectAccessReviews answered by the bearer token of the request: a token it does
// not know is refused (401), a known one is allowed all but the denied "verb group/resource".
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "engine/kube/client.h"
#include "tests/support/fake_transport.h"

namespace meshform::check::testing {

class FakeApiServer {
 public:
  FakeApiServer();

  void Put(const nlohmann::json& object);  // stores (or replaces) an object
  void Remove(const std::string& api_version, const std::string& kind, const std::string& ns,
              const std::string& name);
  nlohmann::json& Object(const std::string& api_version, const std::string& kind,
                         const std::string& ns, const std::string& name);

  void AcceptToken(const std::string& token) { tokens_.insert(token); }
  void ForgetToken(const std::string& token) { tokens_.erase(token); }
  void Deny(const std::string& access) { denied_.insert(access); }  // "list /pods"

  std::shared_ptr<kube::FakeTransport> transport() const { return transport_; }
  std::shared_ptr<kube::Client> Client(const std::string& context);
  // Every request's Authorization header and body seen (to find leaked secrets in none of them
  // but the review's own credentials).
  std::vector<kube::HttpRequest> Requests() const { return transport_->Requests(); }

 private:
  kube::HttpResponse Answer(const kube::HttpRequest& request);
  kube::HttpResponse Review(const kube::HttpRequest& request);

  std::shared_ptr<kube::FakeTransport> transport_ = std::make_shared<kube::FakeTransport>();
  std::mutex mu_;
  std::map<std::string, nlohmann::json> objects_;  // by "/api.../name" path
  std::set<std::string> tokens_, denied_;
};

// The API path of an object (the one a GET of it requests).
std::string ObjectPath(const std::string& api_version, const std::string& kind,
                       const std::string& ns, const std::string& name);

}  // namespace meshform::check::testing
