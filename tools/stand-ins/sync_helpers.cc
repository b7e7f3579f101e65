// Shared helpers of the federation stand-ins (see sync_helpers.h).
#include "tools/stand-ins/sync_helpers.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "engine/kube/errors.h"
#include "tools/stand-ins/pod_status.h"

namespace meshform::standins {
namespace {

using nlohmann::json;

constexpr int kUnservedRetryPasses = 10;  // a kind the host lacks is asked for again after this

std::string TrimSlash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

std::string NameOf(const json& object) {
  const json& metadata = object.at("metadata");
  std::string ns = metadata.value("namespace", "");
  return (ns.empty() ? "" : ns + "/") + metadata.value("name", "");
}

bool Deleting(const json& object) {
  return object.contains("metadata") && object["metadata"].contains("deletionTimestamp");
}

bool HasFinalizer(const json& object, const char* finalizer) {
  const json finalizers = object["metadata"].value("finalizers", json::array());
  return std::find(finalizers.begin(), finalizers.end(), json(finalizer)) != finalizers.end();
}

void RemoveFinalizer(json& object, const char* finalizer) {
  json& finalizers = object["metadata"]["finalizers"];
  finalizers.erase(std::remove(finalizers.begin(), finalizers.end(), json(finalizer)),
                   finalizers.end());
}

kube::Client* ClusterFor(const std::vector<kube::Client*>& clusters,
                         const std::string& api_endpoint, const std::string& name) {
  std::string endpoint = TrimSlash(api_endpoint);
  for (kube::Client* c : clusters) {
    if (!endpoint.empty() && TrimSlash(c->config().server) == endpoint) return c;
  }
  for (kube::Client* c : clusters) {
    if (c->cluster() == name) return c;
  }
  return nullptr;
}

bool DeleteManaged(kube::Client& client, const kube::ObjectRef& ref, bool (*managed)(const json&),
                   const char* who, int& writes) {
  try {
    std::optional<json> live = client.GetIfExists(ref);
    if (!live || !managed(*live)) return true;
    if (Deleting(*live)) return false;
    kube::DeleteOptions options;
    options.ignore_not_found = true;
    options.precondition_uid = live->at("metadata").value("uid", "");
    client.Delete(ref, options);
    ++writes;
    spdlog::info("{}: {} deleted {} {}", client.cluster(), who, ref.kind, NameOf(*live));
  } catch (const kube::ApiError& error) {
    spdlog::debug("{}: {} deleting {}: {}", client.cluster(), who, ref.ToString(), error.what());
  }
  return false;  // gone only when a later pass finds it gone
}

void MarkClusterReady(kube::Client& host, json cluster, json condition) {
  const json status = cluster.value("status", json::object());
  for (const json& c : status.value("conditions", json::array())) {
    if (c.value("type", "") == "Ready" && c.value("status", "") == "True") return;
  }
  condition["type"] = "Ready";
  condition["status"] = "True";
  condition["lastTransitionTime"] = NowRfc3339();
  cluster["status"]["conditions"] = json::array({condition});
  try {
    host.ReplaceStatus(cluster);
    spdlog::info("{}: {} {} Ready", host.cluster(), cluster.value("kind", ""), NameOf(cluster));
  } catch (const kube::Conflict&) {
  } catch (const kube::NotFound&) {
  }
}

std::optional<std::vector<json>> ServedLists::List(kube::Client& host,
                                                   const std::string& api_version,
                                                   const std::string& kind,
                                                   const std::string& label_selector) {
  std::string key = host.cluster() + " " + kind;
  if (auto it = unserved_until_.find(key); it != unserved_until_.end() && passes_ < it->second) {
    return std::nullopt;
  }
  try {
    kube::ListOptions options;
    options.resource_version = "0";  // from the watch cache, as the other stand-ins poll
    options.label_selector = label_selector;
    return host.List(api_version, kind, options).items;
  } catch (const kube::NoKindMatch&) {
    unserved_until_[key] = passes_ + kUnservedRetryPasses;
    return std::nullopt;
  } catch (const kube::NotFound&) {  // its CRD was deleted since discovery mapped the kind
    host.RefreshDiscovery();
    unserved_until_[key] = passes_ + kUnservedRetryPasses;
    return std::nullopt;
  }
}

}  // namespace meshform::standins
