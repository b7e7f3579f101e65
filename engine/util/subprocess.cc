// RealProcessRunner: posix_spawnp, O_CLOEXEC pipes drained with poll() until they close or the
// deadline passes, then waitpid. The failure message is in subprocess_message.cc.
#include "engine/util/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <map>

extern char** environ;

namespace meshform::util {
namespace {

using Clock = std::chrono::steady_clock;

// Thread-safe strerror (GNU strerror_r returns the message, not always in `buffer`).
std::string ErrorText(int error) {
  char buffer[256];
  return strerror_r(error, buffer, sizeof buffer);
}

// A pipe whose ends are closed when it goes out of scope (or earlier, by CloseWrite).
class Pipe {
 public:
  Pipe() {
    if (pipe2(fds_, O_CLOEXEC) != 0) error_ = errno;
  }
  ~Pipe() {
    for (int fd : fds_)
      if (fd >= 0) close(fd);
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;

  int error() const { return error_; }
  int read_end() const { return fds_[0]; }
  int write_end() const { return fds_[1]; }
  void CloseWrite() {
    close(fds_[1]);
    fds_[1] = -1;
  }

 private:
  int fds_[2] = {-1, -1};
  int error_ = 0;
};

std::vector<std::string> BuildEnv(const std::vector<std::pair<std::string, std::string>>& extra) {
  std::map<std::string, std::string> env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string entry = *e;
    auto eq = entry.find('=');
    if (eq != std::string::npos) env[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  for (const auto& [name, value] : extra) env[name] = value;
  std::vector<std::string> out;
  for (const auto& [name, value] : env) out.push_back(name + "=" + value);
  return out;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Starts the program with stdin /dev/null and stdout/stderr on the pipes' write ends, signals
// unblocked and SIGPIPE at its default. Returns 0 (and sets `pid`) or the errno.
int Spawn(const ProcessRequest& request, const Pipe& out, const Pipe& err, pid_t& pid) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out.write_end(), 1);
  posix_spawn_file_actions_adddup2(&actions, err.write_end(), 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
  if (request.timeout) {
    flags |= POSIX_SPAWN_SETPGROUP;
    posix_spawnattr_setpgroup(&attr, 0);
  }
  sigset_t none, pipe_default;
  sigemptyset(&none);
  sigemptyset(&pipe_default);
  sigaddset(&pipe_default, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &pipe_default);
  posix_spawnattr_setflags(&attr, flags);
  std::vector<std::string> argv_strings = request.argv;
  auto argv = Pointers(argv_strings);
  std::vector<std::string> env_strings;
  std::vector<char*> envp;
  if (!request.extra_env.empty()) {
    env_strings = BuildEnv(request.extra_env);
    envp = Pointers(env_strings);
  }
  int rc = posix_spawnp(&pid, argv[0], &actions, &attr, argv.data(),
                        envp.empty() ? environ : envp.data());
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  return rc;
}

// poll()'s wait until `deadline` (rounded up, so that it does not spin), or -1 for none.
int WaitMs(const std::optional<Clock::time_point>& deadline) {
  if (!deadline) return -1;
  auto left = std::chrono::ceil<std::chrono::milliseconds>(*deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, INT_MAX));
}

// Reads both pipes until both close, so that a chatty stderr cannot block stdout. Returns false
// when the deadline passed first.
bool Drain(const Pipe& out, const Pipe& err, ProcessResult& result,
           const std::optional<Clock::time_point>& deadline) {
  pollfd fds[2] = {{out.read_end(), POLLIN, 0}, {err.read_end(), POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open = 2;
  char buffer[65536];
  while (open > 0) {
    if (deadline && Clock::now() >= *deadline) return false;
    int ready = poll(fds, 2, WaitMs(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        fds[i].fd = -1;  // poll ignores negative descriptors
        --open;
      }
    }
  }
  return true;
}

// Waits for the program to end, until `deadline` at most (a program may close its stdout and
// stderr and go on running). Returns false when the deadline passed first.
bool Wait(pid_t pid, const std::optional<Clock::time_point>& deadline, int& status) {
  for (;;) {
    pid_t done = waitpid(pid, &status, deadline ? WNOHANG : 0);
    if (done == pid) return true;
    if (done < 0 && errno != EINTR) return true;  // cannot happen for our own unreaped child
    if (done == 0) {
      if (Clock::now() >= *deadline) return false;
      usleep(static_cast<useconds_t>(std::min(WaitMs(deadline), 10)) * 1000);
    }
  }
}

// Kills the program and the process group it leads. Not yet reaped, so neither the pid nor the
// group can have been reused. Children it started (perhaps holding the pipes) die with it.
void Kill(pid_t pid, int& status) {
  kill(-pid, SIGKILL);
  kill(pid, SIGKILL);
  Wait(pid, std::nullopt, status);
}

void RecordEnd(int status, ProcessResult& result) {
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else {
    result.exit_code = 128 + WTERMSIG(status);
    if (result.end == ProcessEnd::kExited) result.end = ProcessEnd::kSignaled;
  }
}

ProcessResult NotStarted(std::string why) {
  ProcessResult result;
  result.exit_code = 127;
  result.end = ProcessEnd::kNotStarted;
  result.start_error = std::move(why);
  return result;
}

}  // namespace

ProcessResult RealProcessRunner::Run(const ProcessRequest& request) {
  if (request.argv.empty()) return NotStarted("no program given");
  Pipe out, err;
  if (out.error() != 0 || err.error() != 0)
    return NotStarted("cannot create a pipe: " +
                      ErrorText(out.error() ? out.error() : err.error()));
  std::optional<Clock::time_point> deadline;
  if (request.timeout) deadline = Clock::now() + *request.timeout;
  pid_t pid = 0;
  int rc = Spawn(request, out, err, pid);
  out.CloseWrite();
  err.CloseWrite();
  if (rc != 0) return NotStarted(ErrorText(rc));
  ProcessResult result;
  result.pid = static_cast<int>(pid);
  int status = 0;
  if (!Drain(out, err, result, deadline) || !Wait(pid, deadline, status)) {
    Kill(pid, status);
    result.end = ProcessEnd::kTimedOut;
  }
  RecordEnd(status, result);
  return result;
}

}  // namespace meshform::util
