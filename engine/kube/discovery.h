// Discovery and REST mapping for one cluster: apiVersion + kind → resource path and scope,
// from /api, /apis and the group-version resource lists. Group versions are fetched lazily and
// cached; a kind missing from a cached list triggers one refetch of that group version (a CRD
// may just have been created), so callers rarely need Invalidate(). With a disk cache
// (discovery_cache.h) the lists fetched by an earlier run are reused while fresh.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/kube/discovery_cache.h"
#include "engine/kube/resource.h"
#include "engine/kube/rest_client.h"

namespace meshform::kube {

class Discovery {
 public:
  explicit Discovery(RestClient& rest, std::optional<DiscoveryDiskCache> disk = std::nullopt);

  // The mapping of a kind; throws NoKindMatch when the cluster does not serve it.
  RestMapping Map(const std::string& api_version, const std::string& kind);

  // Every group version the server offers (from /api and /apis), preferred version first
  // within each group.
  std::vector<GroupVersion> ServerGroupVersions();

  // All kinds of one group version (no subresources). Throws NotFound if the server lacks it.
  std::vector<RestMapping> Resources(const GroupVersion& gv);

  // Drops everything cached, on disk too (after installing or deleting CRDs).
  void Invalidate();
  // Drops one group version's list, on disk too (a request found its kind no longer served).
  void Forget(const GroupVersion& gv);

  // Resource lists downloaded so far, not taken from a cache (for tests of caching).
  int fetches() const;

 private:
  using Table = std::vector<RestMapping>;
  // The resource list of `gv`, from the cache unless `refresh`. nullopt: the server lacks gv.
  // `why` goes into error messages ("kind Widget").
  std::optional<Table> Fetch(const GroupVersion& gv, bool refresh, const std::string& why = "");
  std::optional<Table> Download(const GroupVersion& gv, const std::string& why);

  RestClient& rest_;
  std::optional<DiscoveryDiskCache> disk_;
  mutable std::mutex mu_;
  std::map<std::string, std::optional<Table>> cache_;  // by apiVersion
  int fetches_ = 0;
};

}  // namespace meshform::kube
