// Discovery and REST mapping (see discovery.h).
#include "engine/kube/discovery.h"

#include <nlohmann/json.hpp>

namespace meshform::kube {
namespace {

using nlohmann::json;

std::vector<RestMapping> ParseResourceList(const GroupVersion& gv, const json& list) {
  std::vector<RestMapping> out;
  std::map<std::string, std::vector<std::string>> subresources;
  for (const auto& r : list.value("resources", json::array())) {
    std::string name = r.value("name", "");
    auto slash = name.find('/');
    if (slash != std::string::npos) {
      subresources[name.substr(0, slash)].push_back(name.substr(slash + 1));
      continue;
    }
    RestMapping m;
    m.gv = gv;
    m.kind = r.value("kind", "");
    m.resource = name;
    m.namespaced = r.value("namespaced", false);
    m.verbs = r.value("verbs", std::vector<std::string>{});
    out.push_back(std::move(m));
  }
  for (auto& m : out) m.subresources = subresources[m.resource];
  return out;
}

const RestMapping* FindKind(const std::vector<RestMapping>& table, const std::string& kind) {
  for (const auto& m : table) {
    if (m.kind == kind) return &m;
  }
  return nullptr;
}

}  // namespace

Discovery::Discovery(RestClient& rest, std::optional<DiscoveryDiskCache> disk)
    : rest_(rest), disk_(std::move(disk)) {}

std::optional<Discovery::Table> Discovery::Download(const GroupVersion& gv,
                                                    const std::string& why) {
  ApiRequest request;
  request.path = gv.PathPrefix();
  request.context = {"", "discover", gv.ApiVersion() + (why.empty() ? "" : " (for " + why + ")")};
  ++fetches_;
  try {
    std::string body = rest_.Do(request).body;
    auto table = ParseResourceList(gv, json::parse(body));
    if (disk_) disk_->Store(gv.ApiVersion(), body);
    return table;
  } catch (const NotFound&) {
    return std::nullopt;
  } catch (const ServerError& e) {
    if (e.code() == 503) return std::nullopt;  // an aggregated API that is down
    throw;
  }
}

std::optional<Discovery::Table> Discovery::Fetch(const GroupVersion& gv, bool refresh,
                                                 const std::string& why) {
  // Callers hold mu_: discovery is rare and cheap, and one fetch serves all waiting threads.
  auto it = cache_.find(gv.ApiVersion());
  if (it != cache_.end() && !refresh) return it->second;
  if (disk_ && !refresh) {
    if (auto body = disk_->Load(gv.ApiVersion())) {
      json list = json::parse(*body, nullptr, false);
      if (!list.is_discarded() && list.value("groupVersion", "") == gv.ApiVersion()) {
        return cache_[gv.ApiVersion()] = ParseResourceList(gv, list);
      }
    }
  }
  auto table = Download(gv, why);
  cache_[gv.ApiVersion()] = table;
  return table;
}

RestMapping Discovery::Map(const std::string& api_version, const std::string& kind) {
  GroupVersion gv = GroupVersion::Parse(api_version);
  if (gv.version.empty() || kind.empty()) {
    throw NoKindMatch({rest_.config().context, "map", api_version + " " + kind}, 0, "NoKindMatch",
                      "apiVersion and kind are both required");
  }
  std::lock_guard lock(mu_);
  int downloads = fetches_;
  auto table = Fetch(gv, false, "kind " + kind);
  const RestMapping* found = table ? FindKind(*table, kind) : nullptr;
  if (found == nullptr && fetches_ == downloads) {  // from a cache: ask the server again
    table = Fetch(gv, true, "kind " + kind);  // perhaps a CRD created since the cache was filled
    found = table ? FindKind(*table, kind) : nullptr;
  }
  if (found != nullptr) return *found;
  std::string why = table ? "the server serves " + api_version + " but no kind " + kind
                          : "the server does not serve " + api_version;
  throw NoKindMatch({rest_.config().context, "map", kind + " (" + api_version + ")"}, 0,
                    "NoKindMatch",
                    why + " (is its CustomResourceDefinition installed and Established?)");
}

std::vector<RestMapping> Discovery::Resources(const GroupVersion& gv) {
  std::lock_guard lock(mu_);
  auto table = Fetch(gv, false);
  if (!table) {
    throw NotFound({rest_.config().context, "discover", gv.ApiVersion()}, 404, "NotFound",
                   "the server does not serve " + gv.ApiVersion());
  }
  return *table;
}

std::vector<GroupVersion> Discovery::ServerGroupVersions() {
  std::vector<GroupVersion> out;
  ApiRequest core;
  core.path = "/api";
  core.context = {"", "discover", "/api"};
  for (const auto& v : json::parse(rest_.Do(core).body).value("versions", json::array())) {
    out.push_back({"", v.get<std::string>()});
  }
  ApiRequest groups;
  groups.path = "/apis";
  groups.context = {"", "discover", "/apis"};
  for (const auto& g : json::parse(rest_.Do(groups).body).value("groups", json::array())) {
    std::string preferred = g.value("preferredVersion", json::object()).value("version", "");
    std::string name = g.value("name", "");
    if (!preferred.empty()) out.push_back({name, preferred});
    for (const auto& v : g.value("versions", json::array())) {
      if (v.value("version", "") != preferred) out.push_back({name, v.value("version", "")});
    }
  }
  return out;
}

void Discovery::Forget(const GroupVersion& gv) {
  std::lock_guard lock(mu_);
  cache_.erase(gv.ApiVersion());
  if (disk_) disk_->Forget(gv.ApiVersion());
}

void Discovery::Invalidate() {
  std::lock_guard lock(mu_);
  cache_.clear();
  if (disk_) disk_->Clear();
}

int Discovery::fetches() const {
  std::lock_guard lock(mu_);
  return fetches_;
}

}  // namespace meshform::kube
