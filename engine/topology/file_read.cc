// POSIX file reading, so that errors carry errno's text.
#include "engine/topology/file_read.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace meshform::topology {
namespace {

constexpr size_t kMaxFileSize = 64 << 20;

}  // namespace

bool ReadWholeFile(const std::string& path, std::string* text, std::string* error) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = std::strerror(errno);
    return false;
  }
  text->clear();
  char buffer[65536];
  while (true) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = std::strerror(errno);
      close(fd);
      return false;
    }
    if (n == 0) break;
    text->append(buffer, static_cast<size_t>(n));
    if (text->size() > kMaxFileSize) {
      *error = "larger than 64 MiB";
      close(fd);
      return false;
    }
  }
  close(fd);
  return true;
}

}  // namespace meshform::topology
