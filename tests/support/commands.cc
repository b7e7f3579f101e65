#include "tests/support/commands.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "tests/support/clusters.h"

namespace meshform::testing {

std::string MakeTempDir(const std::string& prefix) {
  std::string pattern = "/tmp/" + prefix + ".XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

CommandResult RunCommand(const std::string& command, const std::string& input) {
  std::string dir = MakeTempDir("meshform-cmd");
  std::string in = dir + "/in", out = dir + "/out", err = dir + "/err";
  WriteFile(in, input);
  std::string full = "(" + command + ") <'" + in + "' >'" + out + "' 2>'" + err + "'";
  int status = std::system(full.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  std::remove(in.c_str());
  std::remove(out.c_str());
  std::remove(err.c_str());
  rmdir(dir.c_str());
  return r;
}

CommandResult Kubectl(const std::string& context, const std::string& args,
                      const std::string& input) {
  return RunCommand(
      "kubectl --kubeconfig '" + TestKubeconfig() + "' --context '" + context + "' " + args, input);
}

CommandResult Meshform(const std::string& args, const std::string& input) {
#ifndef MESHFORM_BINARY
#error "MESHFORM_BINARY must name the meshform executable"
#endif
  return RunCommand("KUBECONFIG='" + TestKubeconfig() + "' NO_COLOR=1 " MESHFORM_BINARY " " + args,
                    input);
}

}  // namespace meshform::testing
