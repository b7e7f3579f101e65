// Proves every authentication method against a real kube-apiserver: client certificate, static
// bearer token, token file, exec plugins (token and client certificate, v1 and v1beta1); bad
// credentials give Unauthorized; TLS is verified (wrong CA, wrong server name) unless the
// kubeconfig says insecure-skip-tls-verify; tls-server-name verifies another SAN.
#include <gtest/gtest.h>

#include "engine/util/base64.h"
#include "tests/integration/kube/cluster_env.h"
#include "tests/support/clusters.h"

namespace meshform::kube {
namespace {

using namespace testing;

// Who the API server thinks we are: a SelfSubjectRulesReview is allowed for every user.
std::string CanListNamespaces(Client& client) {
  return client.List("v1", "Namespace").resource_version;
}

std::unique_ptr<Client> FromFile(const std::string& kubeconfig, const std::string& context) {
  return Client::ForContext(context, kubeconfig);
}

struct KubeAuthTest : ::testing::Test {
  TempDir dir;
  std::string context = Context(0);
};

TEST_F(KubeAuthTest, ClientCertificateFromTheHarnessKubeconfig) {
  auto client = Client::ForContext(context);  // KUBECONFIG from the environment
  EXPECT_FALSE(CanListNamespaces(*client).empty());
}

TEST_F(KubeAuthTest, StaticBearerToken) {
  auto client =
      FromFile(WriteKubeconfig(dir, context, "{token: " + AdminToken(context) + "}"), context);
  EXPECT_FALSE(CanListNamespaces(*client).empty());
}

TEST_F(KubeAuthTest, TokenFile) {
  std::string file = dir.Write("token", AdminToken(context) + "\n");
  auto client = FromFile(WriteKubeconfig(dir, context, "{tokenFile: token}"), context);
  EXPECT_FALSE(CanListNamespaces(*client).empty());
}

TEST_F(KubeAuthTest, ExecPluginPrintingAToken) {
  dir.Write("plugin.sh",
            "#!/bin/sh\n"
            "test -n \"$KUBERNETES_EXEC_INFO\" || exit 9\n"
            "echo "
            "\"{\\\"apiVersion\\\":\\\"client.authentication.k8s.io/"
            "v1\\\",\\\"kind\\\":\\\"ExecCredential\\\","
            "\\\"status\\\":{\\\"token\\\":\\\"$TOKEN\\\"}}\"\n",
            true);
  std::string user =
      "{exec: {apiVersion: client.authentication.k8s.io/v1, command: ./plugin.sh, "
      "interactiveMode: Never, env: [{name: TOKEN, value: " +
      AdminToken(context) + "}]}}";
  auto client = FromFile(WriteKubeconfig(dir, context, user), context);
  EXPECT_FALSE(CanListNamespaces(*client).empty());
}

TEST_F(KubeAuthTest, ExecPluginPrintingAClientCertificate) {
  ClusterConfig admin = HarnessKubeconfig().Resolve(context);
  json status = {{"clientCertificateData", admin.tls.client_cert_pem},
                 {"clientKeyData", admin.tls.client_key_pem}};
  json credential = {{"apiVersion", "client.authentication.k8s.io/v1beta1"},
                     {"kind", "ExecCredential"},
                     {"status", status}};
  dir.Write("credential.json", credential.dump());
  dir.Write("cert-plugin.sh", "#!/bin/sh\ncat \"$(dirname \"$0\")/credential.json\"\n", true);
  std::string user =
      "{exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: ./cert-plugin.sh}}";
  auto client = FromFile(WriteKubeconfig(dir, context, user), context);
  EXPECT_FALSE(CanListNamespaces(*client).empty());
}

TEST_F(KubeAuthTest, WrongTokenIsUnauthorized) {
  auto client = FromFile(WriteKubeconfig(dir, context, "{token: not-a-valid-token}"), context);
  try {
    CanListNamespaces(*client);
    FAIL() << "expected Unauthorized";
  } catch (const Unauthorized& e) {
    EXPECT_EQ(e.code(), 401);
    EXPECT_EQ(std::string(e.what()).rfind(context + ": discover v1 (for kind Namespace)", 0), 0u)
        << e.what();
  }
}

TEST_F(KubeAuthTest, NoCredentialsIsForbiddenForAnonymous) {
  auto client = FromFile(WriteKubeconfig(dir, context, "{}"), context);
  EXPECT_THROW(CanListNamespaces(*client), Forbidden);
}

TEST_F(KubeAuthTest, WrongCertificateAuthorityFailsTls) {
  ClusterConfig other = HarnessKubeconfig().Resolve(Context(1));  // another cluster's CA
  std::string extra = "certificate-authority-data: " + util::Base64Encode(other.tls.ca_pem);
  auto client = FromFile(
      WriteKubeconfig(dir, context, "{token: " + AdminToken(context) + "}", extra), context);
  try {
    CanListNamespaces(*client);
    FAIL() << "expected TransportError";
  } catch (const TransportError& e) {
    EXPECT_EQ(e.reason(), kFatalTransportReason);
    EXPECT_NE(std::string(e.what()).find(context), std::string::npos);
  }
}

TEST_F(KubeAuthTest, InsecureSkipTlsVerifyAcceptsAnyServerCertificate) {
  auto client = FromFile(WriteKubeconfig(dir, context, "{token: " + AdminToken(context) + "}",
                                         "insecure-skip-tls-verify: true"),
                         context);
  EXPECT_FALSE(CanListNamespaces(*client).empty());
}

TEST_F(KubeAuthTest, TlsServerNameIsVerifiedInsteadOfTheHost) {
  std::string token = "{token: " + AdminToken(context) + "}";
  auto good = FromFile(
      WriteKubeconfig(dir, context, token, "tls-server-name: kubernetes.default.svc"), context);
  EXPECT_FALSE(CanListNamespaces(*good).empty());
  TempDir other;
  auto bad = FromFile(WriteKubeconfig(other, context, token, "tls-server-name: wrong.example.com"),
                      context);
  EXPECT_THROW(CanListNamespaces(*bad), TransportError);
}

TEST_F(KubeAuthTest, NothingListeningIsARetryableTransportError) {
  ClientOptions options;
  options.retry.max_attempts = 2;
  options.retry.base_delay = std::chrono::milliseconds(1);
  std::string cfg = dir.Write("closed", R"(
clusters: [{name: c, cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}}]
contexts: [{name: closed, context: {cluster: c}}]
)");
  auto client = Client::ForContext("closed", cfg, options);
  try {
    client->Raw({"GET", "/version", "", "", {}, {}});
    FAIL();
  } catch (const TransportError& e) {
    EXPECT_EQ(e.reason(), kRetryableTransportReason);
    EXPECT_NE(std::string(e.what()).find("closed: GET /version"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace meshform::kube
