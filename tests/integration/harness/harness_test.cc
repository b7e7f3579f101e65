// Proves the local-cluster harness: every cluster it started is a real API server reachable with
// the harness's kubeconfig, and objects written to one cluster are not visible in another
// (separate etcd prefixes). Uses kubectl, the peer tool, so it does not depend on meshform's
// own client.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <memory>
#include <string>

#include "tests/support/clusters.h"

namespace {

struct Result {
  int status;
  std::string out;
};

Result Kubectl(const std::string& context, const std::string& args) {
  std::string cmd = "kubectl --kubeconfig '" + meshform::testing::TestKubeconfig() +
                    "' --context '" + context + "' " + args + " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  Result r{-1, ""};
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe.get())) > 0) r.out.append(buf.data(), n);
  r.status = pclose(pipe.release());
  return r;
}

TEST(Harness, EveryClusterServesTheKubernetesApi) {
  for (const auto& ctx : meshform::testing::TestContexts(2)) {
    auto r = Kubectl(ctx, "get --raw /version");
    ASSERT_EQ(r.status, 0) << ctx << ": " << r.out;
    EXPECT_NE(r.out.find("\"gitVersion\": \"v1.20"), std::string::npos) << r.out;
  }
}

TEST(Harness, ClustersAreIsolatedFromEachOther) {
  auto contexts = meshform::testing::TestContexts(2);
  std::string ns = meshform::testing::UniqueName("harness");
  ASSERT_EQ(Kubectl(contexts[0], "create namespace " + ns).status, 0);
  auto here = Kubectl(contexts[0], "get namespace " + ns + " -o jsonpath={.status.phase}");
  EXPECT_EQ(here.status, 0) << here.out;
  EXPECT_EQ(here.out, "Active");
  auto there = Kubectl(contexts[1], "get namespace " + ns);
  EXPECT_NE(there.status, 0);
  EXPECT_NE(there.out.find("NotFound"), std::string::npos) << there.out;
  ASSERT_EQ(Kubectl(contexts[0], "delete namespace " + ns + " --wait=false").status, 0);
}

}  // namespace
