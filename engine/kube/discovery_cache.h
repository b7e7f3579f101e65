// Discovery's resource lists kept on disk between runs, as kubectl's discovery cache does: one
// folder per API server (its URL and CA, so a cluster rebuilt on the same port gets a new one),
// one file per group version holding the server's APIResourceList as it was sent. Entries older
// than the time to live are ignored. A missing kind still refetches its group version (Discovery
// does that), meshform's own CRD writes clear the folder, and a request that finds its kind no
// longer served (a CRD deleted by someone else) forgets that group version (Client::SendRaw).
//
// The folder: $MESHFORM_CACHE_DIR/discovery, else $XDG_CACHE_HOME/meshform/discovery, else
// ~/.cache/meshform/discovery. MESHFORM_DISCOVERY_CACHE=off turns it off.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "engine/kube/kubeconfig.h"

namespace meshform::kube {

// How long a cached resource list is trusted.
inline constexpr std::chrono::minutes kDiscoveryCacheTtl{10};

// The discovery cache root from the environment (see above); "" when turned off or when no
// home folder is known.
std::string DefaultDiscoveryCacheRoot();

class DiscoveryDiskCache {
 public:
  // The cache of the server `config` points at, under `root`.
  DiscoveryDiskCache(const std::string& root, const ClusterConfig& config,
                     std::chrono::seconds ttl = kDiscoveryCacheTtl);

  // The APIResourceList body of `api_version` ("v1", "apps/v1") when cached and fresh.
  std::optional<std::string> Load(const std::string& api_version) const;
  // Stores it (atomically: a reader never sees half a file). Failures are ignored (logged at
  // debug): the cache only saves requests.
  void Store(const std::string& api_version, const std::string& body) const;
  // Forgets everything cached for this server, or one group version's list.
  void Clear() const;
  void Forget(const std::string& api_version) const;

  const std::filesystem::path& folder() const { return folder_; }

 private:
  std::filesystem::path FileOf(const std::string& api_version) const;

  std::filesystem::path folder_;
  std::chrono::seconds ttl_;
};

}  // namespace meshform::kube
