// meshform render as a user runs it: an earlier render's stale files are removed (and nothing
// else), left-out objects are listed on stderr with the --target command, the folders build
// with kustomize (kubectl kustomize, offline), and --gitops argocd takes each destination from
// the kubeconfig: its server URL when the context is there, else the context name.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/commands.h"

namespace meshform::testing {
namespace {

namespace fs = std::filesystem;

const char* kKubeconfig = R"(apiVersion: v1
kind: Config
clusters:
- name: bj
  cluster: {server: "https://10.1.2.3:6443"}
contexts:
- name: beijing
  context: {cluster: bj, user: u}
users:
- name: u
  user: {}
)";

class RenderCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir("meshform-render");
    out_ = dir_ + "/out";
    WriteFile(dir_ + "/kubeconfig", kKubeconfig);
  }
  CommandResult Render(const std::string& extra) {
    return RunCommand(std::string(MESHFORM_BINARY) + " render -f " + MESHFORM_SOURCE_DIR +
                      "/examples/seed-two-networks/topology.yaml -d " + out_ + " --kubeconfig " +
                      dir_ + "/kubeconfig " + extra);
  }
  void Put(const std::string& path, const std::string& text) {
    fs::create_directories(fs::path(out_ + "/" + path).parent_path());
    WriteFile(out_ + "/" + path, text);
  }
  bool Exists(const std::string& path) { return fs::exists(out_ + "/" + path); }

  std::string dir_, out_;
};

TEST_F(RenderCli, ReplacesAnEarlierRenderAndNothingElse) {
  Put("beijing/0999-stale.yaml", "kind: ConfigMap\n");
  Put("beijing/notes.txt", "stale\n");
  Put("oldcluster/kustomization.yaml", "# Written by meshform render: old\nresources: [a.yaml]\n");
  Put("oldcluster/a.yaml", "kind: ConfigMap\n");
  Put("mine/kustomization.yaml", "resources: []\n");
  Put("gitops/oldcluster.yaml", "# Written by meshform render: old\n");
  Put("gitops/someone-else.yaml", "kind: ConfigMap\n");
  auto r = Render("");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(Exists("beijing/0999-stale.yaml"));
  EXPECT_FALSE(Exists("beijing/notes.txt"));
  EXPECT_FALSE(Exists("oldcluster"));
  EXPECT_FALSE(Exists("gitops/oldcluster.yaml"));
  EXPECT_TRUE(Exists("mine/kustomization.yaml"));
  EXPECT_TRUE(Exists("gitops/someone-else.yaml"));
  EXPECT_TRUE(Exists("beijing/kustomization.yaml"));
  EXPECT_TRUE(Exists("README.md"));
}

TEST_F(RenderCli, ListsLeftOutObjectsOnStderrAndFoldersBuildWithKustomize) {
  auto r = Render("");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("Left out "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("  shanghai/v1/Secret/istio-system/cacerts: a Secret"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("--target shanghai/v1/Secret/istio-system/cacerts"), std::string::npos);
  for (const char* cluster : {"beijing", "shanghai"}) {
    auto built = RunCommand("kubectl kustomize " + out_ + "/" + cluster);
    EXPECT_EQ(built.exit_code, 0) << built.err;
    EXPECT_NE(built.out.find("kind: Namespace"), std::string::npos);
    EXPECT_EQ(built.out.find("kind: Secret\n"), std::string::npos);
    EXPECT_EQ(built.out.find("(known after apply"), std::string::npos);
  }
}

TEST_F(RenderCli, ArgoCdDestinationIsTheServerUrlElseTheContextName) {
  auto r = Render(
      "--gitops argocd --gitops-repo-url https://git.example.com/m.git "
      "--gitops-path clusters/mesh");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string beijing = ReadFile(out_ + "/gitops/beijing.yaml");
  std::string shanghai = ReadFile(out_ + "/gitops/shanghai.yaml");
  EXPECT_NE(beijing.find("server: https://10.1.2.3:6443"), std::string::npos) << beijing;
  EXPECT_NE(beijing.find("path: clusters/mesh/beijing"), std::string::npos) << beijing;
  EXPECT_NE(shanghai.find("name: shanghai\n"), std::string::npos) << shanghai;
  auto missing = Render("--gitops argocd --gitops-path mesh");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("--gitops-repo-url"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace meshform::testing
