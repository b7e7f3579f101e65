// Proves kubeconfig loading by kubectl's rules: the KUBECONFIG chain and its merge precedence,
// the explicit path, relative paths, -data over files, token files, overrides, namespaces,
// exec sections, and errors that name the missing file, context or key.
#include "engine/kube/kubeconfig.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "engine/util/base64.h"
#include "tests/unit/kube/temp_dir.h"

namespace meshform::kube {
namespace {

using testing::TempDir;

const char* kFirst = R"(
apiVersion: v1
kind: Config
clusters:
- name: shared
  cluster: {server: "https://first:6443/", certificate-authority: ca.pem}
- name: only-first
  cluster: {server: "https://only-first:6443", insecure-skip-tls-verify: true}
users:
- name: alice
  user: {token: first-token}
contexts:
- name: one
  context: {cluster: shared, user: alice, namespace: team-a}
current-context: ""
)";

const char* kSecond = R"(
apiVersion: v1
kind: Config
clusters:
- name: shared
  cluster: {server: "https://second:6443", tls-server-name: ignored}
users:
- name: alice
  user: {token: second-token}
- name: bob
  user: {tokenFile: bob.token}
contexts:
- name: one
  context: {cluster: only-first, user: bob}
- name: two
  context: {cluster: shared, user: bob}
current-context: two
)";

struct KubeconfigTest : ::testing::Test {
  TempDir dir;
  std::string first, second;
  void SetUp() override {
    first = dir.Write("a/config", kFirst);
    dir.Write("a/ca.pem", "CA-PEM-TEXT");
    second = dir.Write("b/config", kSecond);
    dir.Write("b/bob.token", "bob-secret\n");
  }
};

TEST_F(KubeconfigTest, FirstFileDefiningANameWinsWholly) {
  Kubeconfig config = Kubeconfig::LoadChain({first, second});
  ClusterConfig one = config.Resolve("one");
  EXPECT_EQ(one.server, "https://first:6443");  // trailing slash removed
  EXPECT_EQ(one.tls.ca_pem, "CA-PEM-TEXT");     // relative to a/
  EXPECT_EQ(one.tls.server_name, "");           // not taken from the later "shared"
  EXPECT_EQ(one.token, "first-token");
  EXPECT_EQ(one.ns, "team-a");
}

TEST_F(KubeconfigTest, FirstNonEmptyCurrentContextWins) {
  Kubeconfig config = Kubeconfig::LoadChain({first, second});
  EXPECT_EQ(config.current_context(), "two");
  ClusterConfig two = config.Resolve();
  EXPECT_EQ(two.context, "two");
  EXPECT_EQ(two.token_file, dir.path() + "/b/bob.token");  // relative to b/
  EXPECT_EQ(two.ns, "default");
}

TEST_F(KubeconfigTest, KubeconfigEnvironmentChainSkipsMissingFiles) {
  std::string chain = dir.path() + "/missing:" + second + ":" + first;
  setenv("KUBECONFIG", chain.c_str(), 1);
  Kubeconfig config = Kubeconfig::Load();
  unsetenv("KUBECONFIG");
  EXPECT_EQ(config.Resolve("one").server, "https://only-first:6443");  // b/ came first now
  EXPECT_EQ(config.files().size(), 2u);
}

TEST_F(KubeconfigTest, WithoutKubeconfigVariableTheHomeFileIsUsed) {
  dir.Write("home/.kube/config", kFirst);
  std::string home = std::getenv("HOME") ? std::getenv("HOME") : "";
  setenv("HOME", (dir.path() + "/home").c_str(), 1);
  unsetenv("KUBECONFIG");
  Kubeconfig config = Kubeconfig::Load();
  setenv("HOME", home.c_str(), 1);
  EXPECT_EQ(config.ContextNames(), std::vector<std::string>{"one"});
}

TEST_F(KubeconfigTest, ExplicitPathIsTheOnlyFileAndMustExist) {
  setenv("KUBECONFIG", second.c_str(), 1);
  Kubeconfig config = Kubeconfig::Load(first);
  unsetenv("KUBECONFIG");
  EXPECT_EQ(config.ContextNames(), std::vector<std::string>{"one"});
  try {
    Kubeconfig::Load(dir.path() + "/nope");
    FAIL();
  } catch (const KubeconfigError& e) {
    EXPECT_NE(std::string(e.what()).find(dir.path() + "/nope"), std::string::npos);
  }
}

TEST_F(KubeconfigTest, MissingContextClusterOrUserIsNamed) {
  Kubeconfig config = Kubeconfig::LoadChain({first});
  try {
    config.Resolve("ghost");
    FAIL();
  } catch (const KubeconfigError& e) {
    EXPECT_NE(std::string(e.what()).find("context \"ghost\""), std::string::npos) << e.what();
  }
  std::string broken = dir.Write("broken", R"(
contexts: [{name: c, context: {cluster: nowhere, user: nobody}}]
)");
  try {
    Kubeconfig::LoadChain({broken}).Resolve("c");
    FAIL();
  } catch (const KubeconfigError& e) {
    EXPECT_NE(std::string(e.what()).find("cluster \"nowhere\""), std::string::npos) << e.what();
  }
}

TEST_F(KubeconfigTest, NoCurrentContextIsAnError) {
  EXPECT_THROW(Kubeconfig::LoadChain({first}).Resolve(), KubeconfigError);
}

TEST_F(KubeconfigTest, MissingReferencedFilesAreNamed) {
  std::string cfg = dir.Write("refs", R"(
clusters: [{name: c, cluster: {server: "https://x", certificate-authority: /no/such/ca.crt}}]
users: [{name: u, user: {client-certificate: c.crt, client-key: /no/such/key.pem}}]
contexts: [{name: c, context: {cluster: c, user: u}}]
)");
  try {
    Kubeconfig::LoadChain({cfg}).Resolve("c");
    FAIL();
  } catch (const KubeconfigError& e) {
    EXPECT_NE(std::string(e.what()).find("/no/such/ca.crt"), std::string::npos) << e.what();
  }
}

TEST_F(KubeconfigTest, CertificateWithoutKeyIsRejected) {
  std::string cfg = dir.Write("nokey", R"(
clusters: [{name: c, cluster: {server: "https://x"}}]
users: [{name: u, user: {client-certificate-data: Q0VSVA==}}]
contexts: [{name: c, context: {cluster: c, user: u}}]
)");
  try {
    Kubeconfig::LoadChain({cfg}).Resolve("c");
    FAIL();
  } catch (const KubeconfigError& e) {
    EXPECT_NE(std::string(e.what()).find("client-key"), std::string::npos) << e.what();
  }
}

TEST_F(KubeconfigTest, DataFieldsAreDecodedAndWinOverFiles) {
  std::string cfg =
      dir.Write("data",
                "clusters: [{name: c, cluster: {server: \"https://x\", "
                "certificate-authority: /no/file, certificate-authority-data: " +
                    util::Base64Encode("CA-DATA") +
                    "}}]\n"
                    "users: [{name: u, user: {client-certificate-data: " +
                    util::Base64Encode("CERT") + ", client-key-data: " + util::Base64Encode("KEY") +
                    "}}]\n"
                    "contexts: [{name: c, context: {cluster: c, user: u}}]\n");
  ClusterConfig c = Kubeconfig::LoadChain({cfg}).Resolve("c");
  EXPECT_EQ(c.tls.ca_pem, "CA-DATA");
  EXPECT_EQ(c.tls.client_cert_pem, "CERT");
  EXPECT_EQ(c.tls.client_key_pem, "KEY");
}

TEST_F(KubeconfigTest, InsecureWithCaIsRejected) {
  std::string cfg = dir.Write("insecure", R"(
clusters: [{name: c, cluster: {server: "https://x", insecure-skip-tls-verify: true, certificate-authority-data: QQ==}}]
contexts: [{name: c, context: {cluster: c}}]
)");
  EXPECT_THROW(Kubeconfig::LoadChain({cfg}).Resolve("c"), KubeconfigError);
}

TEST_F(KubeconfigTest, OverridesPickClusterUserAndNamespace) {
  Kubeconfig config = Kubeconfig::LoadChain({first, second});
  KubeconfigOverrides o;
  o.context = "one";
  o.cluster = "only-first";
  o.user = "bob";
  o.ns = "override";
  ClusterConfig c = config.Resolve(o);
  EXPECT_EQ(c.server, "https://only-first:6443");
  EXPECT_TRUE(c.tls.insecure_skip_verify);
  EXPECT_FALSE(c.token_file.empty());
  EXPECT_EQ(c.ns, "override");
}

TEST_F(KubeconfigTest, ExecSectionIsParsedWithRelativeCommand) {
  std::string cfg = dir.Write("exec/config", R"(
clusters: [{name: c, cluster: {server: "https://x"}}]
users:
- name: u
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ./bin/plugin
      args: [--flag, value]
      env: [{name: FOO, value: bar}]
      interactiveMode: Never
      provideClusterInfo: true
      installHint: install the plugin
- name: bare
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: aws}
contexts: [{name: c, context: {cluster: c, user: u}}, {name: d, context: {cluster: c, user: bare}}]
)");
  Kubeconfig config = Kubeconfig::LoadChain({cfg});
  ClusterConfig c = config.Resolve("c");
  ASSERT_TRUE(c.exec.has_value());
  EXPECT_EQ(c.exec->command, dir.path() + "/exec/bin/plugin");
  EXPECT_EQ(c.exec->args, (std::vector<std::string>{"--flag", "value"}));
  EXPECT_EQ(c.exec->env.at(0).first, "FOO");
  EXPECT_TRUE(c.exec->provide_cluster_info);
  EXPECT_EQ(c.exec->interactive_mode, "Never");
  EXPECT_EQ(config.Resolve("d").exec->command, "aws");  // bare names use PATH
}

TEST_F(KubeconfigTest, EmptyAndInvalidFiles) {
  std::string empty = dir.Write("empty", "");
  EXPECT_TRUE(Kubeconfig::LoadChain({empty}).empty());
  std::string bad = dir.Write("bad", "clusters: [unclosed");
  try {
    Kubeconfig::LoadChain({bad});
    FAIL();
  } catch (const KubeconfigError& e) {
    EXPECT_NE(std::string(e.what()).find(bad), std::string::npos);
  }
}

TEST_F(KubeconfigTest, ImpersonationOfAUserIsKeptGroupsAreRejected) {
  std::string cfg = dir.Write("as", R"(
clusters: [{name: c, cluster: {server: "https://x"}}]
users: [{name: u, user: {token: t, as: jane}}, {name: g, user: {token: t, as: jane, as-groups: [devs]}}]
contexts: [{name: c, context: {cluster: c, user: u}}, {name: g, context: {cluster: c, user: g}}]
)");
  Kubeconfig config = Kubeconfig::LoadChain({cfg});
  EXPECT_EQ(config.Resolve("c").impersonate_user, "jane");
  EXPECT_THROW(config.Resolve("g"), KubeconfigError);
}

TEST_F(KubeconfigTest, AuthProviderIsRejectedWithAHint) {
  std::string cfg = dir.Write("ap", R"(
clusters: [{name: c, cluster: {server: "https://x"}}]
users: [{name: u, user: {auth-provider: {name: gcp}}}]
contexts: [{name: c, context: {cluster: c, user: u}}]
)");
  try {
    Kubeconfig::LoadChain({cfg}).Resolve("c");
    FAIL();
  } catch (const KubeconfigError& e) {
    EXPECT_NE(std::string(e.what()).find("gcp"), std::string::npos);
  }
}

}  // namespace
}  // namespace meshform::kube
