// Proves request authentication without a server: static token, token file re-read every
// minute and after a 401, basic auth, impersonation, and the cluster TLS material on requests.
#include "engine/kube/auth.h"

#include <gtest/gtest.h>

#include "tests/support/fake_clock.h"
#include "tests/unit/kube/fake_api.h"
#include "tests/unit/kube/temp_dir.h"

namespace meshform::kube {
namespace {

using testing::TempDir;

TEST(KubeAuthenticatorTest, StaticTokenAndTls) {
  ClusterConfig config = testing::FakeConfig();
  config.tls.ca_pem = "CA";
  config.impersonate_user = "jane";
  FakeClock clock;
  Authenticator auth(config, clock);
  HttpRequest request;
  auth.Authorize(request);
  EXPECT_EQ(request.headers["Authorization"], "Bearer fake-token-123");
  EXPECT_EQ(request.headers["Impersonate-User"], "jane");
  ASSERT_TRUE(request.tls);
  EXPECT_EQ(request.tls->ca_pem, "CA");
  EXPECT_FALSE(auth.OnUnauthorized());  // nothing to refresh
}

TEST(KubeAuthenticatorTest, TokenFileIsReReadEveryMinuteAndAfterA401) {
  TempDir dir;
  std::string file = dir.Write("token", "first\n");
  ClusterConfig config = testing::FakeConfig();
  config.token = "ignored-when-a-file-is-set";
  config.token_file = file;
  FakeClock clock;
  Authenticator auth(config, clock);
  auto header = [&] {
    HttpRequest request;
    auth.Authorize(request);
    return request.headers["Authorization"];
  };
  EXPECT_EQ(header(), "Bearer first");
  dir.Write("token", "second\n");
  clock.Advance(std::chrono::seconds(30));
  EXPECT_EQ(header(), "Bearer first");  // cached
  clock.Advance(std::chrono::seconds(31));
  EXPECT_EQ(header(), "Bearer second");
  dir.Write("token", "third\n");
  EXPECT_TRUE(auth.OnUnauthorized());
  EXPECT_EQ(header(), "Bearer third");
}

TEST(KubeAuthenticatorTest, MissingTokenFileIsACredentialError) {
  ClusterConfig config = testing::FakeConfig();
  config.token_file = "/no/such/token";
  FakeClock clock;
  Authenticator auth(config, clock);
  HttpRequest request;
  try {
    auth.Authorize(request);
    FAIL();
  } catch (const CredentialError& e) {
    EXPECT_NE(std::string(e.what()).find("/no/such/token"), std::string::npos);
  }
}

TEST(KubeAuthenticatorTest, BasicAuth) {
  ClusterConfig config = testing::FakeConfig();
  config.token.clear();
  config.username = "admin";
  config.password = "pw";
  FakeClock clock;
  Authenticator auth(config, clock);
  HttpRequest request;
  auth.Authorize(request);
  EXPECT_EQ(request.headers["Authorization"], "Basic YWRtaW46cHc=");
}

TEST(KubeAuthenticatorTest, CallerChosenAuthorizationIsKept) {
  FakeClock clock;
  Authenticator auth(testing::FakeConfig(), clock);
  HttpRequest request;
  request.headers["Authorization"] = "Bearer explicit";
  auth.Authorize(request);
  EXPECT_EQ(request.headers["Authorization"], "Bearer explicit");
}

}  // namespace
}  // namespace meshform::kube
