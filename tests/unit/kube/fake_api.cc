// Test helpers (see fake_api.h).
#include "tests/unit/kube/fake_api.h"

namespace meshform::kube::testing {
namespace {

const char* kCoreV1 = R"({"kind":"APIResourceList","groupVersion":"v1","resources":[
  {"name":"namespaces","namespaced":false,"kind":"Namespace","verbs":["get","list","create","delete","patch"]},
  {"name":"namespaces/status","namespaced":false,"kind":"Namespace","verbs":["get","patch"]},
  {"name":"configmaps","namespaced":true,"kind":"ConfigMap","verbs":["get","list","create","delete","patch"]},
  {"name":"secrets","namespaced":true,"kind":"Secret","verbs":["get","list","create","delete","patch"]},
  {"name":"serviceaccounts","namespaced":true,"kind":"ServiceAccount","verbs":["get","create"]},
  {"name":"serviceaccounts/token","namespaced":true,"kind":"TokenRequest","verbs":["create"]}]})";

const char* kAppsV1 = R"({"kind":"APIResourceList","groupVersion":"apps/v1","resources":[
  {"name":"deployments","namespaced":true,"kind":"Deployment","verbs":["get","list","patch"]},
  {"name":"deployments/status","namespaced":true,"kind":"Deployment","verbs":["get","patch"]},
  {"name":"deployments/scale","namespaced":true,"kind":"Scale","verbs":["get","patch"]}]})";

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

FakeTransport::Handler DiscoveryHandler(FakeTransport::Handler next) {
  return [next](const HttpRequest& request) {
    if (EndsWith(request.url, "/api/v1")) return FakeTransport::Json(200, kCoreV1);
    if (EndsWith(request.url, "/apis/apps/v1")) return FakeTransport::Json(200, kAppsV1);
    return next(request);
  };
}

ClusterConfig FakeConfig() {
  ClusterConfig config;
  config.context = "fake";
  config.server = "https://fake.invalid";
  config.token = "fake-token-123";
  return config;
}

FakeCluster::FakeCluster(ClientOptions options) {
  options.transport = transport;
  options.clock = &clock;
  options.jitter_seed = 42;
  client = std::make_unique<Client>(FakeConfig(), options);
}

std::vector<HttpRequest> FakeCluster::ApiRequests() const {
  std::vector<HttpRequest> out;
  for (auto& r : transport->Requests()) {
    if (!EndsWith(r.url, "/api/v1") && !EndsWith(r.url, "/apis/apps/v1")) out.push_back(r);
  }
  return out;
}

}  // namespace meshform::kube::testing
