// Path resolution against the topology file's folder.
#include "engine/topology/paths.h"

#include <filesystem>

namespace meshform::topology {

namespace fs = std::filesystem;

std::string TopologyFolder(const std::string& topology_file) {
  std::error_code ec;
  fs::path absolute = fs::absolute(fs::path(topology_file), ec);
  if (ec) return fs::current_path(ec).string();
  return absolute.lexically_normal().parent_path().string();
}

std::string ResolvePath(const std::string& folder, const std::string& path) {
  if (path.empty()) return path;
  fs::path p(path);
  if (p.is_absolute()) return p.lexically_normal().string();
  return (fs::path(folder) / p).lexically_normal().string();
}

std::string ResolveCommand(const std::string& folder, const std::string& command) {
  if (command.find('/') == std::string::npos) return command;
  return ResolvePath(folder, command);
}

}  // namespace meshform::topology
