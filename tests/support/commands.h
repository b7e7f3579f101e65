// Running the real command-line tools from tests: the meshform binary and kubectl (the peer),
// against the local clusters of the harness.
#pragma once

#include <string>

namespace meshform::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `command` through /bin/sh; stdout and stderr captured separately; `input` on stdin.
CommandResult RunCommand(const std::string& command, const std::string& input = "");

// kubectl --kubeconfig $KUBECONFIG --context CONTEXT ARGS
CommandResult Kubectl(const std::string& context, const std::string& args,
                      const std::string& input = "");

// The meshform binary of this build (MESHFORM_BINARY) with ARGS, KUBECONFIG from the harness.
CommandResult Meshform(const std::string& args, const std::string& input = "");

// A fresh temporary folder (removed by the OS's tmp cleaning, not by the test).
std::string MakeTempDir(const std::string& prefix);

void WriteFile(const std::string& path, const std::string& text);
std::string ReadFile(const std::string& path);

}  // namespace meshform::testing
