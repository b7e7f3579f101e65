// Running another program (the Istio renderer, exec credential plugins) without a shell, behind
// a small interface: meshform uses RealProcessRunner, tests use fakes. Every failure (cannot be
// started, non-zero exit, killed by a signal, timed out) is described by one message shape,
// FailureMessage, which callers prefix with their own context.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace meshform::util {

struct ProcessRequest {
  ProcessRequest() = default;
  explicit ProcessRequest(std::vector<std::string> program_and_args)
      : argv(std::move(program_and_args)) {}

  // argv[0] is the program, looked up in PATH unless it contains '/'.
  std::vector<std::string> argv;
  // Added to (and overriding) the current environment.
  std::vector<std::pair<std::string, std::string>> extra_env;
  // None: wait for as long as the program runs. With a timeout the program is started as the
  // leader of a new process group; on expiry the group is killed with SIGKILL, the program is
  // reaped and its pipes are closed (output written so far is kept).
  std::optional<std::chrono::milliseconds> timeout;
};

enum class ProcessEnd {
  kExited,      // exit_code is the exit status
  kSignaled,    // exit_code is 128 + the signal
  kTimedOut,    // killed after request.timeout; exit_code is 128 + SIGKILL
  kNotStarted,  // exit_code is 127; start_error says why
};

struct ProcessResult {
  int exit_code = 0;
  std::string out;  // everything the program wrote to stdout (until killed, on timeout)
  std::string err;  // the same for stderr
  ProcessEnd end = ProcessEnd::kExited;
  std::string start_error;  // kNotStarted: e.g. "No such file or directory"
  int pid = 0;              // the child's process id once started (it has been reaped)

  bool ok() const { return end == ProcessEnd::kExited && exit_code == 0; }
  // For fakes: a program that exited with `code` after printing `out_text` and `err_text`.
  static ProcessResult Exited(int code, std::string out_text, std::string err_text) {
    ProcessResult r;
    r.exit_code = code;
    r.out = std::move(out_text);
    r.err = std::move(err_text);
    return r;
  }
};

// The one description of a result that is not ok(), on one line: the program, the reason, then
// the last kStderrTailLines non-blank lines of stderr joined by " | " (at most the last
// kStderrTailBytes of them, after "..."; "(N earlier lines not shown)" when there were more):
//   program "p" cannot be started: No such file or directory
//   program "p" exited with status 3: <stderr>
//   program "p" was killed by signal 9 (SIGKILL): <stderr>
//   program "p" timed out after 30 s and was killed: <stderr>
inline constexpr size_t kStderrTailLines = 20;
inline constexpr size_t kStderrTailBytes = 4096;
std::string FailureMessage(const ProcessRequest& request, const ProcessResult& result);

class ProcessRunner {
 public:
  virtual ~ProcessRunner() = default;
  // Runs the program with stdin from /dev/null and waits for it (or its timeout). Never throws
  // for the program's own failures: they are in the result. Called from several threads at once.
  virtual ProcessResult Run(const ProcessRequest& request) = 0;
};

// posix_spawnp, with stdout and stderr read concurrently through O_CLOEXEC pipes with poll().
class RealProcessRunner : public ProcessRunner {
 public:
  ProcessResult Run(const ProcessRequest& request) override;
};

}  // namespace meshform::util
