// Running an outside command (the Istio renderer) behind a small interface, so that unit tests
// and the benchmark use a fake and meshform itself the real process.
#pragma once

#include <string>
#include <vector>

namespace meshform::resources {

struct CommandResult {
  int exit_code = 0;  // 127 when the program could not be started
  std::string stdout_text;
  std::string stderr_text;
};

class CommandRunner {
 public:
  virtual ~CommandRunner() = default;
  // Runs argv (argv[0] looked up in PATH unless it contains '/') with no stdin, and waits.
  // Called from several threads at once (one render per cluster runs concurrently).
  virtual CommandResult Run(const std::vector<std::string>& argv) = 0;
};

// Runs the process with posix_spawnp, collecting stdout and stderr.
class RealCommandRunner : public CommandRunner {
 public:
  CommandResult Run(const std::vector<std::string>& argv) override;
};

}  // namespace meshform::resources
