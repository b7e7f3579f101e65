// POSIX file reading, so that errors carry errno's text.
#include "engine/topology/file_read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace meshform::topology {
namespace {

constexpr size_t kMaxFileSize = 64 << 20;

}  // namespace

bool ReadWholeFile(const std::string& path, std::string* text, std::string* error) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    *error = std::strerror(errno);
    return false;
  }
  // Only regular files: a FIFO or a device (/dev/stdin, /dev/zero) could block or never end.
  struct stat info {};
  if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    *error = S_ISDIR(info.st_mode) ? std::strerror(EISDIR) : "not a regular file";
    close(fd);
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
