// Proves exec credential plugins: the plugin gets its args, env and KUBERNETES_EXEC_INFO; its
// token or client certificate is used; the credential is cached until expirationTimestamp and
// dropped after a 401; malformed output, failed runs (exit status, signal) and missing commands
// give errors naming the plugin.
#include "engine/kube/exec_plugin.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/support/fake_clock.h"
#include "tests/unit/kube/fake_api.h"
#include "tests/unit/kube/temp_dir.h"

namespace meshform::kube {
namespace {

using testing::TempDir;

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A plugin that counts its runs, records its input, and prints a token with an expiry.
std::string CountingPlugin(const TempDir& dir, const std::string& api_version,
                           const std::string& expiry) {
  std::string status =
      "{\\\"token\\\":\\\"tok-$n\\\"" +
      (expiry.empty() ? std::string() : ",\\\"expirationTimestamp\\\":\\\"" + expiry + "\\\"") +
      "}";
  return dir.Write("plugin.sh",
                   "#!/bin/sh\n"
                   "n=$(cat \"" +
                       dir.path() +
                       "/count\" 2>/dev/null || echo 0); n=$((n+1))\n"
                       "echo $n > \"" +
                       dir.path() +
                       "/count\"\n"
                       "echo \"$1 $FOO\" > \"" +
                       dir.path() +
                       "/args\"\n"
                       "printf '%s' \"$KUBERNETES_EXEC_INFO\" > \"" +
                       dir.path() +
                       "/info\"\n"
                       "echo \"{\\\"apiVersion\\\":\\\"" +
                       api_version + "\\\",\\\"kind\\\":\\\"ExecCredential\\\",\\\"status\\\":" +
                       status + "}\"\n",
                   true);
}

ClusterConfig WithExec(const std::string& command, const std::string& api_version) {
  ClusterConfig config = testing::FakeConfig();
  config.token.clear();
  config.tls.ca_pem = "CA";
  config.exec =
      ExecConfig{command, {"first-arg"}, {{"FOO", "bar"}}, api_version, "", true, "Never"};
  return config;
}

TEST(KubeExecPluginTest, RunsWithArgsEnvAndExecInfo) {
  TempDir dir;
  std::string plugin = CountingPlugin(dir, "client.authentication.k8s.io/v1", "");
  ClusterConfig config = WithExec(plugin, "client.authentication.k8s.io/v1");
  ExecCredential cred = RunExecPlugin(*config.exec, config);
  EXPECT_EQ(cred.token, "tok-1");
  EXPECT_FALSE(cred.expiry.has_value());
  EXPECT_EQ(Slurp(dir.path() + "/args"), "first-arg bar\n");
  json info = json::parse(Slurp(dir.path() + "/info"));
  EXPECT_EQ(info["kind"], "ExecCredential");
  EXPECT_EQ(info["apiVersion"], "client.authentication.k8s.io/v1");
  EXPECT_EQ(info["spec"]["interactive"], false);
  EXPECT_EQ(info["spec"]["cluster"]["server"], "https://fake.invalid");
  EXPECT_EQ(info["spec"]["cluster"]["certificate-authority-data"], "Q0E=");
}

TEST(KubeExecPluginTest, CachedUntilExpirationThenRerun) {
  TempDir dir;
  // The fake clock's wall time starts at 2026-01-01T00:00:00Z.
  std::string plugin =
      CountingPlugin(dir, "client.authentication.k8s.io/v1beta1", "2026-01-01T00:10:00Z");
  FakeClock clock;
  Authenticator auth(WithExec(plugin, "client.authentication.k8s.io/v1beta1"), clock);
  HttpRequest r1, r2, r3;
  auth.Authorize(r1);
  auth.Authorize(r2);
  EXPECT_EQ(r1.headers["Authorization"], "Bearer tok-1");
  EXPECT_EQ(r2.headers["Authorization"], "Bearer tok-1");
  clock.Advance(std::chrono::minutes(11));
  auth.Authorize(r3);
  EXPECT_EQ(r3.headers["Authorization"], "Bearer tok-2");
}

TEST(KubeExecPluginTest, UnauthorizedDropsTheCachedCredentialAndRetriesOnce) {
  TempDir dir;
  std::string plugin = CountingPlugin(dir, "client.authentication.k8s.io/v1", "");
  auto transport = std::make_shared<FakeTransport>();
  transport->SetHandler([](const HttpRequest& r) {
    if (r.headers.at("Authorization") == "Bearer tok-1") {
      return FakeTransport::Status(401, "Unauthorized", "Unauthorized");
    }
    return FakeTransport::Json(200, "{}");
  });
  ClientOptions options;
  options.transport = transport;
  FakeClock clock;
  options.clock = &clock;
  Client client(WithExec(plugin, "client.authentication.k8s.io/v1"), options);
  client.Raw({"GET", "/version", "", "", {}, {}});
  auto requests = transport->Requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[1].headers["Authorization"], "Bearer tok-2");
}

TEST(KubeExecPluginTest, ClientCertificateCredentialGoesIntoTls) {
  TempDir dir;
  std::string plugin = dir.Write("cert.sh", R"(#!/bin/sh
cat <<'EOF'
{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",
 "status":{"clientCertificateData":"-----CERT-----","clientKeyData":"-----KEY-----"}}
EOF
)",
                                 true);
  FakeClock clock;
  Authenticator auth(WithExec(plugin, "client.authentication.k8s.io/v1"), clock);
  HttpRequest request;
  auth.Authorize(request);
  EXPECT_EQ(request.headers.count("Authorization"), 0u);
  ASSERT_TRUE(request.tls);
  EXPECT_EQ(request.tls->client_cert_pem, "-----CERT-----");
  EXPECT_EQ(request.tls->client_key_pem, "-----KEY-----");
  EXPECT_EQ(request.tls->ca_pem, "CA");
}

void ExpectPluginError(const std::string& script, const std::string& api_version,
                       const std::string& needle) {
  TempDir dir;
  std::string plugin = dir.Write("p.sh", script, true);
  ClusterConfig config = WithExec(plugin, api_version);
  try {
    RunExecPlugin(*config.exec, config);
    FAIL() << "expected CredentialError containing " << needle;
  } catch (const CredentialError& e) {
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(plugin), std::string::npos) << e.what();
  }
}

TEST(KubeExecPluginTest, BadOutputsAreErrorsNamingThePlugin) {
  const std::string v1 = "client.authentication.k8s.io/v1";
  ExpectPluginError("#!/bin/sh\necho not json\n", v1, "not a JSON ExecCredential");
  ExpectPluginError(
      "#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\","
      "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"x\"}}'\n",
      v1, "expected \"client.authentication.k8s.io/v1\"");
  ExpectPluginError("#!/bin/sh\necho '{\"apiVersion\":\"" + v1 +
                        "\",\"kind\":\"ExecCredential\",\"status\":{}}'\n",
                    v1, "neither a token nor a client certificate");
  ExpectPluginError("#!/bin/sh\necho oops >&2\nexit 3\n", v1, "exited with status 3: oops");
  ExpectPluginError("#!/bin/sh\necho dying >&2\nkill -KILL $$\n", v1,
                    "was killed by signal 9 (SIGKILL): dying");
  ExpectPluginError("#!/bin/sh\n", "client.authentication.k8s.io/v1alpha1", "not supported");
}

TEST(KubeExecPluginTest, MissingCommandShowsInstallHint) {
  ClusterConfig config = WithExec("meshform-no-such-plugin", "client.authentication.k8s.io/v1");
  config.exec->install_hint = "install it with: apt install the-plugin";
  try {
    RunExecPlugin(*config.exec, config);
    FAIL();
  } catch (const CredentialError& e) {
    EXPECT_NE(std::string(e.what()).find("meshform-no-such-plugin"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("apt install the-plugin"), std::string::npos);
  }
}

TEST(KubeExecPluginTest, Rfc3339Parsing) {
  auto t = ParseRfc3339("2026-01-01T00:10:00Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(std::chrono::system_clock::to_time_t(*t), 1767226200);
  auto offset = ParseRfc3339("2026-01-01T02:10:00.123456+02:00");
  ASSERT_TRUE(offset);
  EXPECT_EQ(*offset, *t);
  EXPECT_FALSE(ParseRfc3339("yesterday"));
}

}  // namespace
}  // namespace meshform::kube
