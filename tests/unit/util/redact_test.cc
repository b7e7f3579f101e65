// The one redactor (engine/util/redact.h): what it hides, what it keeps, and that the journal
// file, the request log and render (its callers) all hide the same things.
#include "engine/util/redact.h"

#include <gtest/gtest.h>

#include "engine/kube/request_log.h"
#include "resources/placeholder.h"

namespace meshform::util {
namespace {

using nlohmann::json;

json SecretWithEverything() {
  return {{"apiVersion", "v1"},
          {"kind", "Secret"},
          {"metadata",
           {{"name", "s"},
            {"annotations",
             {{"kubectl.kubernetes.io/last-applied-configuration", R"({"data":{"k":"c2VjcmV0"}})"},
              {"team", "mesh"}}}}},
          {"data", {{"k", "c2VjcmV0"}}},
          {"stringData", {{"kubeconfig", "users: [{token: abc}]"}}}};
}

TEST(Redacted, SecretDataStringDataAndTheLastAppliedAnnotation) {
  json out = Redacted(SecretWithEverything());
  EXPECT_EQ(out["data"]["k"], kSensitive);
  EXPECT_EQ(out["stringData"]["kubeconfig"], kSensitive);
  EXPECT_EQ(out["metadata"]["annotations"]["kubectl.kubernetes.io/last-applied-configuration"],
            kSensitive);
  EXPECT_EQ(out["metadata"]["annotations"]["team"], "mesh");
  EXPECT_EQ(out["metadata"]["name"], "s");
  EXPECT_EQ(out.dump().find("c2VjcmV0"), std::string::npos);
}

TEST(Redacted, CredentialKeysAnywhereAndSecretListItemsWithoutKind) {
  json token_request = {{"kind", "TokenRequest"}, {"status", {{"token", "eyJ"}}}};
  EXPECT_EQ(Redacted(token_request)["status"]["token"], kSensitive);
  json list = {{"kind", "SecretList"}, {"items", json::array({{{"data", {{"k", "djE="}}}}})}};
  EXPECT_EQ(Redacted(list)["items"][0]["data"]["k"], kSensitive);
  json nested = json::array({{{"kind", "Secret"}, {"data", {{"a", "YQ=="}}}}});
  EXPECT_EQ(Redacted(nested)[0]["data"]["a"], kSensitive);
  json config_map = {{"kind", "ConfigMap"}, {"data", {{"a", "b"}}}};
  EXPECT_EQ(Redacted(config_map), config_map);
}

TEST(Redacted, SensitiveObjectsOfOtherKindsAndKeptValues) {
  json object = {{"kind", "ConfigMap"}, {"data", {{"a", "b"}}}};
  RedactOptions sensitive;
  sensitive.sensitive = true;
  EXPECT_EQ(Redacted(object, sensitive)["data"]["a"], kSensitive);
  json secret = {{"kind", "Secret"},
                 {"data", {{"a", "YQ=="}, {"b", resources::MakePlaceholder("ca/root", "cert")}}}};
  RedactOptions keep;
  keep.keep = [](const json& v) { return resources::IsPlaceholder(v); };
  json out = Redacted(secret, keep);
  EXPECT_EQ(out["data"]["a"], kSensitive);
  EXPECT_TRUE(resources::IsPlaceholder(out["data"]["b"]));
}

TEST(Redacted, EveryFieldOfAValue) {
  EXPECT_EQ(RedactedFields({{"cert", "C"}, {"key", "K"}}),
            json({{"cert", kSensitive}, {"key", kSensitive}}));
  EXPECT_EQ(RedactedFields("x"), kSensitive);
}

TEST(Redacted, HeadersAndQuotedValues) {
  EXPECT_TRUE(IsCredentialHeader("Authorization"));
  EXPECT_TRUE(IsCredentialHeader("cookie"));
  EXPECT_FALSE(IsCredentialHeader("Accept"));
  EXPECT_EQ(ScrubQuoted(R"(field "data.key" is "c2VjcmV0\"x")"),
            "field (sensitive) is (sensitive)");
}

// The request log is one caller: same rules through its body and header functions.
TEST(Redacted, TheRequestLogUsesTheSameRules) {
  std::string body = kube::RedactBody(SecretWithEverything().dump());
  EXPECT_EQ(json::parse(body), Redacted(SecretWithEverything()));
  EXPECT_EQ(kube::RedactHeaders({{"Authorization", "Bearer abc"}}), "Authorization: (sensitive)");
}

}  // namespace
}  // namespace meshform::util
