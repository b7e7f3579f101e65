// Client: construction, REST mapping, reads (get, list). Writes are in client_write.cc.
#include "engine/kube/client.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace meshform::kube {

ObjectRef RefOf(const json& object) {
  ObjectRef ref;
  ref.api_version = object.value("apiVersion", "");
  ref.kind = object.value("kind", "");
  if (object.contains("metadata") && object["metadata"].is_object()) {
    ref.ns = object["metadata"].value("namespace", "");
    ref.name = object["metadata"].value("name", "");
  }
  return ref;
}

std::string UidOf(const json& object) {
  if (!object.is_object() || !object.contains("metadata") || !object["metadata"].is_object()) {
    return "";
  }
  return object["metadata"].value("uid", "");
}

Client::Client(const ClusterConfig& config, const ClientOptions& options)
    : rest_(config, options),
      discovery_(rest_, options.discovery_cache_root.empty()
                            ? std::nullopt
                            : std::optional<DiscoveryDiskCache>(
                                  std::in_place, options.discovery_cache_root, config)) {}

std::unique_ptr<Client> Client::ForContext(const std::string& context,
                                           const std::string& kubeconfig_path,
                                           const ClientOptions& options) {
  Kubeconfig kubeconfig = Kubeconfig::Load(kubeconfig_path);
  return std::make_unique<Client>(kubeconfig.Resolve(context), options);
}

RestMapping Client::Mapping(const std::string& api_version, const std::string& kind) {
  return discovery_.Map(api_version, kind);
}

void Client::RefreshDiscovery() { discovery_.Invalidate(); }

Client::Target Client::Resolve(const ObjectRef& ref) {
  Target target{Mapping(ref.api_version, ref.kind), ref};
  if (!target.mapping.namespaced) {
    target.ref.ns.clear();
  } else if (target.ref.ns.empty()) {
    target.ref.ns = default_namespace();
  }
  return target;
}

Client::Target Client::ResolveObject(const json& object, const std::string& verb) {
  ObjectRef ref = RefOf(object);
  if (ref.api_version.empty() || ref.kind.empty() || ref.name.empty()) {
    throw Invalid({cluster(), verb, ref.ToString()}, 0, "Invalid",
                  "the object needs apiVersion, kind and metadata.name");
  }
  return Resolve(ref);
}

HttpResponse Client::SendRaw(const std::string& verb, const Target& target,
                             const std::string& method, const std::string& path,
                             const std::string& body, const std::string& content_type) {
  ApiRequest request;
  request.method = method;
  request.path = path;
  request.body = body;
  request.content_type = content_type;
  request.context = {cluster(), verb, target.ref.ToString()};
  try {
    return rest_.Do(std::move(request));
  } catch (const NotFound& e) {
    // A path the server does not serve at all answers Go's plain "404 page not found" (a missing
    // object answers a Status): the kind is not served any more (its CRD deleted since discovery
    // listed it, perhaps in an earlier run's cached list). Forget that list, and say
    // NoKindMatch, which callers handle as "not served".
    if (e.server_message().rfind("404 page not found", 0) != 0) throw;
    discovery_.Forget(target.mapping.gv);
    throw NoKindMatch(e.context(), e.code(), "NoKindMatch",
                      "the server no longer serves " + target.mapping.kind + " (" +
                          target.mapping.gv.ApiVersion() + "): " + e.server_message());
  }
}

json Client::Parse(const HttpResponse& response, const std::string& verb, const Target& target) {
  if (response.body.empty()) return json::object();
  json doc = json::parse(response.body, nullptr, false);
  if (doc.is_discarded()) {
    throw ServerError({cluster(), verb, target.ref.ToString()}, response.status, "BadResponse",
                      "the response body is not JSON");
  }
  return doc;
}

json Client::Send(const std::string& verb, const Target& target, const std::string& method,
                  const std::string& path, const std::string& body,
                  const std::string& content_type) {
  return Parse(SendRaw(verb, target, method, path, body, content_type), verb, target);
}

json Client::Get(const ObjectRef& ref) {
  Target target = Resolve(ref);
  return Send("get", target, "GET", target.mapping.Path(target.ref.ns, target.ref.name));
}

std::optional<json> Client::GetIfExists(const ObjectRef& ref) {
  try {
    return Get(ref);
  } catch (const NotFound&) {
    return std::nullopt;
  }
}

ListResult Client::ListPage(const RestMapping& mapping, const ListOptions& options,
                            const std::string& token) {
  Query query;
  query.AddIf(!options.label_selector.empty(), "labelSelector", options.label_selector)
      .AddIf(!options.field_selector.empty(), "fieldSelector", options.field_selector)
      .AddIf(options.limit > 0, "limit", std::to_string(options.limit))
      .AddIf(!token.empty(), "continue", token)
      .AddIf(!options.resource_version.empty() && token.empty(), "resourceVersion",
             options.resource_version);
  Target target{mapping, {mapping.gv.ApiVersion(), mapping.kind, options.ns, ""}};
  json list = Send("list", target, "GET", mapping.Path(options.ns) + query.str());
  ListResult page;
  for (auto& item : list.value("items", json::array())) {
    // Items of a list carry no apiVersion/kind; restore them so they can be applied as is.
    item["apiVersion"] = mapping.gv.ApiVersion();
    item["kind"] = mapping.kind;
    page.items.push_back(std::move(item));
  }
  const json metadata = list.value("metadata", json::object());
  page.resource_version = metadata.value("resourceVersion", "");
  page.continue_token = metadata.value("continue", "");
  return page;
}

// Pages until the end. When the server has compacted the revision the list started at (a
// continue token is good for about 5 minutes on a default cluster, less under heavy writes), a
// later page answers 410 Gone: the list starts over once, for one consistent snapshot rather
// than pages of two; a second expiry fails with an error that says what happened. A Gone on the
// first page (a too-old resourceVersion, or a continue token the caller passed in) is the
// caller's to handle.
ListResult Client::ListRestartingOnce(const RestMapping& mapping, const ListOptions& options) {
  for (int start = 1;; ++start) {
    ListResult result = ListPage(mapping, options, options.continue_token);
    try {
      while (options.all_pages && !result.continue_token.empty()) {
        ListResult next = ListPage(mapping, options, result.continue_token);
        for (auto& item : next.items) result.items.push_back(std::move(item));
        result.continue_token = next.continue_token;
      }
      return result;
    } catch (const Gone& e) {
      if (!options.continue_token.empty()) throw;
      if (start >= 2) {
        throw Gone(e.context(), e.code(), e.reason(),
                   "the list's continue token expired again after a restart (the server "
                   "compacted its history before all " +
                       std::to_string(options.limit) +
                       "-item pages were read): " + e.server_message());
      }
      spdlog::debug("{}: restarting list of {}: {}", cluster(), mapping.kind, e.server_message());
    }
  }
}

ListResult Client::List(const std::string& api_version, const std::string& kind,
                        const ListOptions& options) {
  RestMapping mapping = Mapping(api_version, kind);
  ListOptions effective = options;
  if (!mapping.namespaced) effective.ns.clear();
  if (effective.limit <= 0) {
    effective.limit = std::max<int64_t>(1, rest_.options().list_page_size);
  }
  return ListRestartingOnce(mapping, effective);
}

}  // namespace meshform::kube
