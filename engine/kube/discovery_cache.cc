// Discovery's disk cache (see discovery_cache.h).
#include "engine/kube/discovery_cache.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "engine/util/sha256.h"

namespace meshform::kube {
namespace {

namespace fs = std::filesystem;

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

// "127.0.0.1_6443" from "https://127.0.0.1:6443": readable, and safe as a file name.
std::string HostPort(const std::string& server) {
  std::string rest =
      server.substr(server.find("://") == std::string::npos ? 0 : server.find("://") + 3);
  std::string out;
  for (char c : rest) out += std::isalnum(static_cast<unsigned char>(c)) || c == '.' ? c : '_';
  return out;
}

}  // namespace

std::string DefaultDiscoveryCacheRoot() {
  if (Env("MESHFORM_DISCOVERY_CACHE") == "off") return "";
  if (std::string dir = Env("MESHFORM_CACHE_DIR"); !dir.empty()) return dir + "/discovery";
  if (std::string dir = Env("XDG_CACHE_HOME"); !dir.empty()) return dir + "/meshform/discovery";
  if (std::string home = Env("HOME"); !home.empty()) return home + "/.cache/meshform/discovery";
  return "";
}

DiscoveryDiskCache::DiscoveryDiskCache(const std::string& root, const ClusterConfig& config,
                                       std::chrono::seconds ttl)
    : ttl_(ttl) {
  std::string identity =
      Sha256Hex(config.server + "\n" + config.tls.ca_pem + "\n" + config.tls.server_name);
  folder_ = fs::path(root) / (HostPort(config.server) + "-" + identity.substr(7, 16));
}

fs::path DiscoveryDiskCache::FileOf(const std::string& api_version) const {
  std::string name = api_version;
  for (char& c : name) c = c == '/' ? '_' : c;
  return folder_ / (name + ".json");
}

std::optional<std::string> DiscoveryDiskCache::Load(const std::string& api_version) const {
  std::error_code ec;
  fs::path file = FileOf(api_version);
  auto written = fs::last_write_time(file, ec);
  if (ec) return std::nullopt;
  if (fs::file_time_type::clock::now() - written > ttl_) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream body;
  body << in.rdbuf();
  if (!in) return std::nullopt;
  return body.str();
}

void DiscoveryDiskCache::Store(const std::string& api_version, const std::string& body) const {
  std::error_code ec;
  fs::create_directories(folder_, ec);
  fs::path file = FileOf(api_version);
  fs::path tmp = file;
  tmp += ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << body;
    if (!out) {
      spdlog::debug("discovery cache: cannot write {}", tmp.string());
      fs::remove(tmp, ec);
      return;
    }
  }
  fs::rename(tmp, file, ec);
  if (ec) {
    spdlog::debug("discovery cache: cannot write {}: {}", file.string(), ec.message());
    fs::remove(tmp, ec);
  }
}

void DiscoveryDiskCache::Forget(const std::string& api_version) const {
  std::error_code ec;
  fs::remove(FileOf(api_version), ec);
}

void DiscoveryDiskCache::Clear() const {
  std::error_code ec;
  fs::remove_all(folder_, ec);
}

}  // namespace meshform::kube
