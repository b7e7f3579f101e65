// libFuzzer target for the kubeconfig reader: any input must either parse (and every context
// resolve) or be rejected with a KubeconfigError. A crash, a sanitizer report, a hang, or any
// other exception escaping is a bug. Runs in an empty folder (run-fuzz.sh), so relative paths
// name nothing; inputs that reference anything but a missing or regular file (a device such as
// /dev/zero would be read forever, as kubectl would) are parsed but not resolved.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "engine/kube/kubeconfig.h"

namespace {

bool Harmless(const std::string& path) {
  if (path.empty()) return true;
  std::error_code error;
  auto status = std::filesystem::status(path, error);
  return status.type() == std::filesystem::file_type::not_found ||
         status.type() == std::filesystem::file_type::regular;
}

bool OnlyHarmlessFiles(const meshform::kube::Kubeconfig& config) {
  for (const auto& [name, cluster] : config.clusters()) {
    if (!Harmless(cluster.certificate_authority)) return false;
  }
  for (const auto& [name, user] : config.users()) {
    if (!Harmless(user.client_certificate) || !Harmless(user.client_key) ||
        !Harmless(user.token_file)) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using meshform::kube::Kubeconfig;
  using meshform::kube::KubeconfigError;
  const std::string text(reinterpret_cast<const char*>(data), size);
  Kubeconfig config;
  try {
    config = Kubeconfig::Parse(text, "fuzz/config");
  } catch (const KubeconfigError&) {
    return 0;  // rejected with a message: the expected outcome for most inputs
  }
  if (!OnlyHarmlessFiles(config)) return 0;
  for (const auto& name : config.ContextNames()) {
    try {
      config.Resolve(name);
    } catch (const KubeconfigError&) {
      // A context that cannot be used, named in the message.
    }
  }
  try {
    config.Resolve();
  } catch (const KubeconfigError&) {
  }
  return 0;
}
