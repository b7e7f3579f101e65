// Runs a command to completion without a shell and captures its stdout and stderr (used for
// exec credential plugins).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/util/error.h"

namespace meshform::kube {

class SubprocessError : public Error {
 public:
  using Error::Error;
};

struct SubprocessResult {
  int exit_code = -1;  // 128 + signal when killed by a signal
  std::string out;
  std::string err;
};

// `command` is looked up in PATH unless it contains '/'. `extra_env` is added to (and
// overrides) the current environment. stdin is /dev/null. Throws SubprocessError when the
// command cannot be started.
SubprocessResult RunSubprocess(const std::string& command, const std::vector<std::string>& args,
                               const std::vector<std::pair<std::string, std::string>>& extra_env);

}  // namespace meshform::kube
