// Helpers for the seed tests (see seed_support.h).
#include "tests/integration/apply/seed_support.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/util/base64.h"
#include "resources/placeholder.h"

namespace meshform::apply::testing {

using nlohmann::json;

std::string SeedTopology() {
  return std::string(MESHFORM_SOURCE_DIR) + "/examples/seed-two-networks/topology.yaml";
}

cli::Planned PlanOrDie(const std::string& file, const std::string& kubeconfig, plan::Mode mode) {
  cli::PlanRequest request;
  request.file = file;
  request.kubeconfig = kubeconfig;
  request.options.mode = mode;
  std::ostringstream err;
  auto planned = cli::LoadAndPlan(request, err);
  if (!planned) {
    ADD_FAILURE() << "no plan: " << err.str();
    throw std::runtime_error("no plan");
  }
  return std::move(*planned);
}

namespace {

// Every field of `want` is in `have` with the same value (lists element by element).
void Compare(const json& want, const json& have, const std::string& path,
             std::vector<std::string>& problems) {
  if (want.is_object()) {
    if (!have.is_object()) {
      problems.push_back(path + ": not an object live");
      return;
    }
    for (auto& [k, v] : want.items()) {
      if (!have.contains(k)) {
        problems.push_back(path + "/" + k + ": missing live");
        continue;
      }
      Compare(v, have[k], path + "/" + k, problems);
    }
  } else if (want.is_array()) {
    if (!have.is_array() || have.size() != want.size()) {
      problems.push_back(path + ": list differs live");
      return;
    }
    for (size_t i = 0; i < want.size(); ++i) {
      Compare(want[i], have[i], path + "/" + std::to_string(i), problems);
    }
  } else if (want != have) {
    problems.push_back(path + ": differs live");
  }
}

}  // namespace

std::vector<std::string> CheckObject(kube::Client& client, const plan::Change& change,
                                     const values::ValueStore& values) {
  json desired = resources::Substitute(
      change.resource.object,
      [&](const std::string& from, const std::string& field) { return values.Field(from, field); });
  // stringData is write-only: the server folds it into data.
  if (desired.contains("stringData")) {
    for (auto& [k, v] : desired["stringData"].items()) {
      desired["data"][k] = util::Base64Encode(v.get<std::string>());
    }
    desired.erase("stringData");
  }
  auto live = client.GetIfExists(kube::RefOf(desired));
  if (!live) return {change.address + ": missing"};
  std::vector<std::string> problems;
  Compare(desired, *live, change.address, problems);
  return problems;
}

std::string MeshformBinary() {
  auto exe = std::filesystem::read_symlink("/proc/self/exe");
  return (exe.parent_path().parent_path() / "bin" / "meshform").string();
}

int StartMeshform(const std::vector<std::string>& args, const std::string& output_path) {
  std::vector<std::string> argv = {MeshformBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  pid_t pid = fork();
  if (pid == 0) {
    int fd = ::open(output_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, 1);
    dup2(fd, 2);
    int null = ::open("/dev/null", O_RDONLY);
    dup2(null, 0);
    std::vector<char*> c;
    for (auto& a : argv) c.push_back(a.data());
    c.push_back(nullptr);
    execv(c[0], c.data());
    _exit(127);
  }
  return pid;
}

int RunMeshform(const std::vector<std::string>& args, std::string* output) {
  std::string path =
      std::filesystem::temp_directory_path() / ("mf-run-" + std::to_string(getpid()) + ".out");
  int pid = StartMeshform(args, path);
  int status = 0;
  waitpid(pid, &status, 0);
  if (output) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    *output = s.str();
  }
  std::filesystem::remove(path);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace meshform::apply::testing
