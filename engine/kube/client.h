// The Kubernetes client of one cluster, for any kind (custom resources included), with
// nlohmann::json objects: get, list, server-side apply, delete, create/replace, the status
// subresource, TokenRequest, and a raw escape hatch. Thread-safe: the apply executor calls one
// Client from many threads. Errors are the typed ones of errors.h.
#pragma once

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/kube/discovery.h"
#include "engine/kube/kubeconfig.h"
#include "engine/kube/resource.h"
#include "engine/kube/rest_client.h"

namespace meshform::kube {

using nlohmann::json;

struct ListOptions {
  std::string ns;              // empty: all namespaces (or a cluster-scoped kind)
  std::string label_selector;  // "app=x,tier in (a,b)"
  std::string field_selector;  // "metadata.name=x"
  // Page size; 0: ClientOptions::list_page_size. Every LIST is paged: an unpaged LIST of a
  // big kind (Secrets of a whole cluster) makes the server build one huge response in memory.
  int64_t limit = 0;
  std::string continue_token;  // resume from this page
  bool all_pages = true;       // follow continue tokens until the end
  // "" (default): the most recent state (a consistent read from etcd). "0": any state the
  // server has, served from its watch cache: much cheaper, possibly a moment old; for pollers
  // that tolerate that, never for plans.
  std::string resource_version;
};

struct ListResult {
  std::vector<json> items;
  std::string resource_version;  // of the (first page of the) list
  std::string continue_token;    // non-empty when more pages remain (all_pages = false)
};

struct ApplyOptions {
  std::string field_manager;  // empty: ClientOptions::field_manager ("meshform")
  bool force = false;         // take ownership of conflicting fields
  bool dry_run = false;       // dryRun=All: validate and default, persist nothing
};

struct ApplyResult {
  json object;                        // the object as the server now has it
  bool created = false;               // 201: the apply created it
  // The request was sent again after a try that may have been carried out (its answer lost):
  // an object found existing (created false) may be the earlier try's own creation.
  bool sent_again = false;
  std::vector<std::string> warnings;  // the server's Warning headers (deprecations, ...)
};

struct DeleteOptions {
  std::string propagation_policy;  // Foreground | Background | Orphan; empty: kind's default
  std::optional<std::string> precondition_uid;
  std::optional<std::string> precondition_resource_version;
  std::optional<int64_t> grace_period_seconds;
  bool dry_run = false;
  bool ignore_not_found = false;  // a missing object is not an error (DeleteResult::found)
};

struct DeleteResult {
  bool found = true;  // false: the object did not exist (only with ignore_not_found)
  // The object when it still exists (finalizers, graceful deletion), else the Status.
  json response;
};

struct TokenRequestOptions {
  std::vector<std::string> audiences;    // empty: the API server's audiences
  int64_t expiration_seconds = 3600;     // at least 600
  std::optional<json> bound_object_ref;  // {"kind":"Secret","apiVersion":"v1","name":..,"uid":..}
};

struct ServiceAccountToken {
  std::string token;
  std::chrono::system_clock::time_point expiration;
};

class Client {
 public:
  Client(const ClusterConfig& config, const ClientOptions& options = {});

  // Client for a kubeconfig context (empty: current context) of a kubeconfig loaded by
  // kubectl's rules (explicit path, else $KUBECONFIG, else ~/.kube/config).
  static std::unique_ptr<Client> ForContext(const std::string& context,
                                            const std::string& kubeconfig_path = "",
                                            const ClientOptions& options = {});

  const std::string& cluster() const { return rest_.config().context; }
  const ClusterConfig& config() const { return rest_.config(); }
  const std::string& default_namespace() const { return rest_.config().ns; }

  // REST mapping (cached; a CRD-unknown kind gives NoKindMatch). RefreshDiscovery drops the cache.
  RestMapping Mapping(const std::string& api_version, const std::string& kind);
  void RefreshDiscovery();
  Discovery& discovery() { return discovery_; }

  json Get(const ObjectRef& ref);
  std::optional<json> GetIfExists(const ObjectRef& ref);
  ListResult List(const std::string& api_version, const std::string& kind,
                  const ListOptions& options = {});

  // Server-side apply of `object` (apiVersion, kind, metadata.name[, namespace] required);
  // returns the resulting object (201 when it created one, 200 otherwise).
  json Apply(const json& object, const ApplyOptions& options = {});
  // The same, also saying whether the object was created and what the server warned about.
  ApplyResult ApplyWithResult(const json& object, const ApplyOptions& options = {});
  // Server-side apply to the status subresource (only .status of `object` is owned).
  json ApplyStatus(const json& object, const ApplyOptions& options = {});
  // PUT of the status subresource (optimistic concurrency via metadata.resourceVersion).
  json ReplaceStatus(const json& object);

  json Create(const json& object, bool dry_run = false);
  json Replace(const json& object, bool dry_run = false);  // PUT; 409 Conflict on a stale RV
  DeleteResult Delete(const ObjectRef& ref, const DeleteOptions& options = {});

  // TokenRequest for a service account.
  ServiceAccountToken CreateToken(const std::string& ns, const std::string& service_account,
                                  const TokenRequestOptions& options = {});

  // The escape hatch: any request on this cluster's pipeline (auth, limits, retries, errors).
  HttpResponse Raw(ApiRequest request);

 private:
  struct Target {
    RestMapping mapping;
    ObjectRef ref;  // namespace filled in for namespaced kinds
  };
  Target Resolve(const ObjectRef& ref);
  Target ResolveObject(const json& object, const std::string& verb);
  HttpResponse SendRaw(const std::string& verb, const Target& target, const std::string& method,
                       const std::string& path, const std::string& body = "",
                       const std::string& content_type = "application/json");
  json Send(const std::string& verb, const Target& target, const std::string& method,
            const std::string& path, const std::string& body = "",
            const std::string& content_type = "application/json");
  json Parse(const HttpResponse& response, const std::string& verb, const Target& target);
  ApplyResult ApplyTo(const json& object, const ApplyOptions& options,
                      const std::string& subresource);
  ListResult ListRestartingOnce(const RestMapping& mapping, const ListOptions& options);
  ListResult ListPage(const RestMapping& mapping, const ListOptions& options,
                      const std::string& token);

  RestClient rest_;
  Discovery discovery_;
};

// The ObjectRef of a manifest (apiVersion, kind, metadata.namespace, metadata.name).
ObjectRef RefOf(const json& object);
// metadata.uid of an object, "" when it has none (a manifest).
std::string UidOf(const json& object);

}  // namespace meshform::kube
