// The default holder identity of the lock: "user@host pid N".
#include <pwd.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <string>

#include "engine/state/lock.h"

namespace meshform::state {
namespace {

std::string UserName() {
  if (const char* user = std::getenv("USER"); user && *user) return user;
  if (const passwd* entry = getpwuid(geteuid())) return entry->pw_name;
  return "uid" + std::to_string(geteuid());
}

std::string HostName() {
  char buffer[HOST_NAME_MAX + 1] = {};
  if (gethostname(buffer, sizeof buffer - 1) != 0 || buffer[0] == '\0') return "localhost";
  return buffer;
}

}  // namespace

std::string DefaultLockIdentity() {
  return UserName() + "@" + HostName() + " pid " + std::to_string(getpid());
}

}  // namespace meshform::state
