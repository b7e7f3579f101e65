// The fake API server of the waits' unit tests (see fake_cluster.h).
#include "tests/unit/waits/fake_cluster.h"

namespace meshform::testing {
namespace {

using nlohmann::json;

const char* kServer = "https://fake.invalid";

json Resource(const std::string& name, const std::string& kind, bool namespaced) {
  return {{"name", name},
          {"namespaced", namespaced},
          {"kind", kind},
          {"verbs", {"get", "list", "create", "update", "delete", "patch"}}};
}

// Discovery documents by path.
const std::map<std::string, json>& Discovery() {
  static const std::map<std::string, json> documents = {
      {"/api/v1",
       {{"groupVersion", "v1"},
        {"resources",
         {Resource("namespaces", "Namespace", false), Resource("configmaps", "ConfigMap", true),
          Resource("secrets", "Secret", true), Resource("services", "Service", true),
          Resource("services/status", "Service", true)}}}},
      {"/apis/apps/v1",
       {{"groupVersion", "apps/v1"}, {"resources", {Resource("deployments", "Deployment", true)}}}},
      {"/apis/apiextensions.k8s.io/v1",
       {{"groupVersion", "apiextensions.k8s.io/v1"},
        {"resources", {Resource("customresourcedefinitions", "CustomResourceDefinition", false)}}}},
      {"/apis/coordination.k8s.io/v1",
       {{"groupVersion", "coordination.k8s.io/v1"},
        {"resources", {Resource("leases", "Lease", true)}}}},
      {"/apis/example.io/v1",
       {{"groupVersion", "example.io/v1"}, {"resources", {Resource("widgets", "Widget", true)}}}},
  };
  return documents;
}

std::string PathOf(const std::string& url) {
  std::string path = url.substr(std::string(kServer).size());
  return path.substr(0, path.find('?'));
}

}  // namespace

FakeCluster::FakeCluster() {
  kube::ClusterConfig config;
  config.context = "fake";
  config.server = kServer;
  config.token = "fake-token";
  kube::ClientOptions options;
  options.transport = transport_;
  options.clock = &clock_;
  options.jitter_seed = 7;
  transport_->SetHandler([this](const kube::HttpRequest& request) { return Answer(request); });
  client_ = std::make_unique<kube::Client>(config, options);
}

void FakeCluster::Script(const std::string& path, std::vector<kube::HttpResponse> responses) {
  std::lock_guard lock(mu_);
  scripts_[path] = {responses.begin(), responses.end()};
}

void FakeCluster::ScriptObjects(const std::string& path, const std::vector<json>& states) {
  std::vector<kube::HttpResponse> responses;
  for (const json& state : states) responses.push_back(Ok(state));
  Script(path, std::move(responses));
}

int FakeCluster::RequestsTo(const std::string& path) const {
  std::lock_guard lock(mu_);
  auto it = counts_.find(path);
  return it == counts_.end() ? 0 : it->second;
}

int FakeCluster::ApiRequestCount() const {
  std::lock_guard lock(mu_);
  int total = 0;
  for (const auto& [path, count] : counts_) total += count;
  return total;
}

kube::HttpResponse FakeCluster::Ok(const json& object) {
  return kube::FakeTransport::Json(200, object.dump());
}

kube::HttpResponse FakeCluster::NotFound() {
  return kube::FakeTransport::Status(404, "NotFound", "not found");
}

kube::HttpResponse FakeCluster::Answer(const kube::HttpRequest& request) {
  std::string path = PathOf(request.url);
  auto document = Discovery().find(path);
  if (document != Discovery().end()) return Ok(document->second);
  std::lock_guard lock(mu_);
  counts_[path]++;
  auto it = scripts_.find(path);
  if (it == scripts_.end() || it->second.empty()) return NotFound();
  kube::HttpResponse response = it->second.front();
  if (it->second.size() > 1) it->second.pop_front();
  return response;
}

}  // namespace meshform::testing
