// This process's open file descriptors, for tests that prove runs leave none behind and leak
// none into their children.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>

namespace meshform::util::testing {

// The numbers in /proc/self/fd (the listing's own descriptor included, the same every time).
inline std::set<int> OpenFds() {
  std::set<int> fds;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd"))
    fds.insert(std::stoi(entry.path().filename().string()));
  return fds;
}

// What the descriptors without FD_CLOEXEC point at ("pipe:[123]", "/dev/null", ...): these every
// child inherits, whatever the runner does.
inline std::set<std::string> InheritableFdTargets() {
  std::set<std::string> targets;
  for (int fd : OpenFds()) {
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0 || (flags & FD_CLOEXEC) != 0) continue;
    std::error_code ec;
    auto target = std::filesystem::read_symlink("/proc/self/fd/" + std::to_string(fd), ec);
    if (!ec) targets.insert(target.string());
  }
  return targets;
}

}  // namespace meshform::util::testing
