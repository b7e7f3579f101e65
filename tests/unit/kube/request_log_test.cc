// Proves the redaction rules of request logging on their own: Secret data, tokens, keys and
// Authorization headers are replaced; ordinary content is kept.
#include "engine/kube/request_log.h"

#include <gtest/gtest.h>

namespace meshform::kube {
namespace {

TEST(KubeRequestLogTest, SecretDataAndStringDataAreRedacted) {
  std::string out = RedactBody(R"({"kind":"Secret","metadata":{"name":"s","annotations":{
    "kubectl.kubernetes.io/last-applied-configuration":"{\"data\":{\"k\":\"c2VjcmV0\"}}"}},
    "data":{"k":"c2VjcmV0"},"stringData":{"p":"hunter2"}})");
  EXPECT_EQ(out.find("c2VjcmV0"), std::string::npos) << out;
  EXPECT_EQ(out.find("hunter2"), std::string::npos) << out;
  EXPECT_NE(out.find("\"name\":\"s\""), std::string::npos) << out;
}

TEST(KubeRequestLogTest, SecretListItemsAreRedacted) {
  std::string out = RedactBody(
      R"({"kind":"SecretList","items":[{"metadata":{"name":"a"},"data":{"k":"QUJD"}}]})");
  EXPECT_EQ(out.find("QUJD"), std::string::npos) << out;
}

TEST(KubeRequestLogTest, TokensAndKeysAnywhereAreRedacted) {
  std::string out = RedactBody(
      R"({"kind":"TokenRequest","status":{"token":"eyJhbGciOi","expirationTimestamp":"x"},
    "nested":{"client-key-data":"LS0tLS1","password":"pw"}})");
  EXPECT_EQ(out.find("eyJhbGciOi"), std::string::npos) << out;
  EXPECT_EQ(out.find("LS0tLS1"), std::string::npos) << out;
  EXPECT_EQ(out.find("\"pw\""), std::string::npos) << out;
  EXPECT_NE(out.find("expirationTimestamp"), std::string::npos);
}

TEST(KubeRequestLogTest, NonJsonBodiesAreOnlySized) {
  EXPECT_EQ(RedactBody("-----BEGIN PRIVATE KEY-----"), "(27 bytes, not JSON)");
}

TEST(KubeRequestLogTest, AuthorizationHeadersAreRedacted) {
  std::string out =
      RedactHeaders({{"Authorization", "Bearer abc"}, {"Accept", "application/json"}});
  EXPECT_EQ(out, "Accept: application/json; Authorization: (sensitive)");
}

TEST(KubeRequestLogTest, OrdinaryObjectsAreKept) {
  std::string out = RedactBody(R"({"kind":"ConfigMap","data":{"token":"not-a-secret-key-name?"}})");
  // A ConfigMap key literally named "token" is treated as sensitive too: better safe.
  EXPECT_EQ(out.find("not-a-secret-key-name"), std::string::npos);
  EXPECT_NE(RedactBody(R"({"kind":"ConfigMap","data":{"a":"b"}})").find("\"a\":\"b\""),
            std::string::npos);
}

}  // namespace
}  // namespace meshform::kube
