#include "tests/support/clusters.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace meshform::testing {

std::string TestKubeconfig() {
  const char* path = std::getenv("KUBECONFIG");
  if (path == nullptr || *path == '\0') {
    throw std::runtime_error(
        "KUBECONFIG is not set: integration tests need the local clusters (run them through "
        "tools/test, or tools/local-clusters up and export what it prints)");
  }
  return path;
}

std::vector<std::string> TestContexts(size_t min_count) {
  const char* env = std::getenv("MESHFORM_TEST_CONTEXTS");
  std::vector<std::string> contexts;
  if (env != nullptr) {
    std::istringstream in(env);
    for (std::string word; in >> word;) contexts.push_back(word);
  }
  if (contexts.size() < min_count) {
    throw std::runtime_error("MESHFORM_TEST_CONTEXTS must name at least " +
                             std::to_string(min_count) + " local cluster context(s)");
  }
  return contexts;
}

std::string UniqueName(const std::string& prefix) {
  static std::atomic<int> counter{0};
  return prefix + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
}

}  // namespace meshform::testing
