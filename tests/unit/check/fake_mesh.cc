// The fake API server of the verification tests (see fake_mesh.h).
#include "tests/unit/check/fake_mesh.h"

#include <vector>

namespace meshform::check::testing {

namespace {

using nlohmann::json;

struct Kind {
  const char* api_version;
  const char* plural;
  const char* kind;
  bool namespaced;
};

const std::vector<Kind>& Kinds() {
  static const std::vector<Kind> kinds = {
      {"v1", "namespaces", "Namespace", false},
      {"v1", "secrets", "Secret", true},
      {"v1", "services", "Service", true},
      {"apps/v1", "deployments", "Deployment", true},
      {"admissionregistration.k8s.io/v1", "mutatingwebhookconfigurations",
       "MutatingWebhookConfiguration", false},
      {"networking.istio.io/v1alpha3", "gateways", "Gateway", true},
      {"discovery.k8s.io/v1beta1", "endpointslices", "EndpointSlice", true},
      {"types.kubefed.io/v1beta1", "federateddeployments", "FederatedDeployment", true},
      {"types.kubefed.io/v1beta1", "federatednamespaces", "FederatedNamespace", true},
      {"authorization.k8s.io/v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", false}};
  return kinds;
}

std::string Prefix(const std::string& api_version) {
  return api_version.find('/') == std::string::npos ? "/api/" + api_version
                                                    : "/apis/" + api_version;
}

std::string PathOf(const std::string& url) {
  auto scheme = url.find("://");
  auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  std::string path = slash == std::string::npos ? "/" : url.substr(slash);
  return path.substr(0, path.find('?'));
}

}  // namespace

std::string ObjectPath(const std::string& api_version, const std::string& kind,
                       const std::string& ns, const std::string& name) {
  for (const auto& k : Kinds()) {
    if (k.api_version != api_version || k.kind != kind) continue;
    std::string path = Prefix(api_version);
    if (k.namespaced) path += "/namespaces/" + ns;
    return path + "/" + k.plural + "/" + name;
  }
  throw std::runtime_error("fake_mesh: no kind " + api_version + " " + kind);
}

FakeApiServer::FakeApiServer() {
  transport_->SetHandler([this](const kube::HttpRequest& r) { return Answer(r); });
}

void FakeApiServer::Put(const json& object) {
  const json& meta = object["metadata"];
  std::lock_guard lock(mu_);
  objects_[ObjectPath(object["apiVersion"], object["kind"], meta.value("namespace", ""),
                      meta["name"])] = object;
}

void FakeApiServer::Remove(const std::string& api_version, const std::string& kind,
                           const std::string& ns, const std::string& name) {
  std::lock_guard lock(mu_);
  objects_.erase(ObjectPath(api_version, kind, ns, name));
}

json& FakeApiServer::Object(const std::string& api_version, const std::string& kind,
                            const std::string& ns, const std::string& name) {
  std::lock_guard lock(mu_);
  return objects_.at(ObjectPath(api_version, kind, ns, name));
}

std::shared_ptr<kube::Client> FakeApiServer::Client(const std::string& context) {
  kube::ClusterConfig config;
  config.context = context;
  config.server = "https://" + context + ".invalid";
  config.token = "admin-token-of-" + context;
  AcceptToken(config.token);
  kube::ClientOptions options;
  options.transport = transport_;
  options.retry.max_attempts = 1;
  return std::make_shared<kube::Client>(config, options);
}

kube::HttpResponse FakeApiServer::Review(const kube::HttpRequest& request) {
  auto auth = request.headers.find("Authorization");
  std::string token = auth == request.headers.end() ? "" : auth->second.substr(7);
  {
    std::lock_guard lock(mu_);
    if (!tokens_.count(token))
      return kube::FakeTransport::Status(401, "Unauthorized", "Unauthorized");
  }
  json review = json::parse(request.body);
  const json& a = review["spec"]["resourceAttributes"];
  std::string key =
      a.value("verb", "") + " " + a.value("group", "") + "/" + a.value("resource", "");
  std::lock_guard lock(mu_);
  review["status"] = {{"allowed", denied_.count(key) == 0}};
  return kube::FakeTransport::Json(201, review.dump());
}

kube::HttpResponse FakeApiServer::Answer(const kube::HttpRequest& request) {
  const std::string path = PathOf(request.url);
  if (request.method == "POST" && path.find("selfsubjectaccessreviews") != std::string::npos)
    return Review(request);
  std::map<std::string, json> lists;
  for (const auto& k : Kinds()) {
    json& list = lists[Prefix(k.api_version)];
    list["kind"] = "APIResourceList";
    list["groupVersion"] = k.api_version;
    list["resources"].push_back({{"name", k.plural},
                                 {"namespaced", k.namespaced},
                                 {"kind", k.kind},
                                 {"verbs", {"get", "list", "create"}}});
  }
  if (auto it = lists.find(path); it != lists.end())
    return kube::FakeTransport::Json(200, it->second.dump());
  std::lock_guard lock(mu_);
  if (auto it = objects_.find(path); it != objects_.end() && request.method == "GET")
    return kube::FakeTransport::Json(200, it->second.dump());
  return kube::FakeTransport::Status(404, "NotFound", path + " not found");
}

}  // namespace meshform::check::testing
