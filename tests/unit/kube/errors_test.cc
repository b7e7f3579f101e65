// Proves the mapping of API Status objects (and plain-text bodies) to typed errors, with the
// cluster, verb and object in every message, causes, and Retry-After.
#include "engine/kube/errors.h"

#include <gtest/gtest.h>

namespace meshform::kube {
namespace {

const RequestContext kContext{"beijing", "apply", "ConfigMap default/x"};

template <typename E>
E Catch(int code, const std::string& body, const std::string& retry_after = "") {
  try {
    ThrowForResponse(kContext, code, body, retry_after);
  } catch (const E& e) {
    return e;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "wrong type for " << code << ": " << e.what();
  }
  throw std::logic_error("unreachable");
}

std::string Status(int code, const std::string& reason, const std::string& extra = "") {
  return R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":"msg )" + reason +
         R"(","reason":")" + reason + R"(","code":)" + std::to_string(code) + extra + "}";
}

TEST(KubeErrorsTest, EachReasonHasItsType) {
  Catch<NotFound>(404, Status(404, "NotFound"));
  Catch<AlreadyExists>(409, Status(409, "AlreadyExists"));
  Catch<Conflict>(409, Status(409, "Conflict"));
  Catch<Invalid>(422, Status(422, "Invalid"));
  Catch<BadRequest>(400, Status(400, "BadRequest"));
  Catch<Unauthorized>(401, Status(401, "Unauthorized"));
  Catch<Forbidden>(403, Status(403, "Forbidden"));
  Catch<Gone>(410, Status(410, "Expired"));
  Catch<TooManyRequests>(429, Status(429, "TooManyRequests"));
  Catch<Timeout>(504, Status(504, "Timeout"));
  Catch<Timeout>(500, Status(500, "ServerTimeout"));
  Catch<ServerError>(500, Status(500, "InternalError"));
  Catch<ServerError>(503, Status(503, "ServiceUnavailable"));
  Catch<ApiError>(405, Status(405, "MethodNotAllowed"));
}

TEST(KubeErrorsTest, MessageNamesClusterVerbObjectAndServerMessage) {
  auto e = Catch<NotFound>(404, Status(404, "NotFound"));
  EXPECT_EQ(std::string(e.what()),
            "beijing: apply ConfigMap default/x: msg NotFound (HTTP 404 NotFound)");
  EXPECT_EQ(e.context().cluster, "beijing");
  EXPECT_EQ(e.reason(), "NotFound");
}

TEST(KubeErrorsTest, CausesAreKeptAndShown) {
  auto e = Catch<Invalid>(
      422,
      Status(
          422, "Invalid",
          R"(,"details":{"causes":[{"reason":"FieldValueInvalid","message":"Invalid value: \"A\"","field":"metadata.name"}]})"));
  ASSERT_EQ(e.causes().size(), 1u);
  EXPECT_EQ(e.causes()[0].field, "metadata.name");
  EXPECT_EQ(e.causes()[0].reason, "FieldValueInvalid");
  EXPECT_NE(std::string(e.what()).find("metadata.name: Invalid value: \"A\""), std::string::npos);
}

TEST(KubeErrorsTest, ApplyConflictCausesNameTheManager) {
  auto e = Catch<Conflict>(
      409,
      Status(
          409, "Conflict",
          R"(,"details":{"causes":[{"reason":"FieldManagerConflict","message":"conflict with \"kubectl\"","field":".data.k"}]})"));
  ASSERT_EQ(e.causes().size(), 1u);
  EXPECT_EQ(e.causes()[0].reason, "FieldManagerConflict");
  EXPECT_NE(std::string(e.what()).find(".data.k: conflict with \"kubectl\""), std::string::npos);
}

TEST(KubeErrorsTest, RetryAfterFromHeaderOrDetails) {
  auto header = Catch<TooManyRequests>(429, "Too many requests, please try again later.\n", "5");
  EXPECT_EQ(header.retry_after(), std::chrono::seconds(5));
  EXPECT_EQ(header.reason(), "TooManyRequests");
  EXPECT_NE(std::string(header.what()).find("Too many requests"), std::string::npos);
  auto details =
      Catch<Timeout>(500, Status(500, "ServerTimeout", R"(,"details":{"retryAfterSeconds":2})"));
  EXPECT_EQ(details.retry_after(), std::chrono::seconds(2));
}

TEST(KubeErrorsTest, PlainTextNotFoundOfAnUnknownPath) {
  auto e = Catch<NotFound>(404, "404 page not found\n");
  EXPECT_NE(std::string(e.what()).find("404 page not found (HTTP 404 NotFound)"),
            std::string::npos);
}

TEST(KubeErrorsTest, StatusFieldsOfTheWrongTypeStillGiveTheTypedError) {
  // Found by the API response fuzzer: these escaped as nlohmann::json::type_error, a message
  // naming neither the cluster nor the request.
  auto e = Catch<NotFound>(404, R"({"kind":"Status","reason":7,"message":["x"],"code":404})");
  EXPECT_EQ(e.reason(), "NotFound");
  EXPECT_NE(std::string(e.what()).find("beijing: apply ConfigMap default/x"), std::string::npos);
  Catch<Conflict>(409, R"({"kind":1,"reason":"Conflict"})");
  auto causes = Catch<Invalid>(
      422, R"({"kind":"Status","details":{"causes":[1,null,{"field":2,"message":"bad"}]}})");
  ASSERT_EQ(causes.causes().size(), 1u);
  EXPECT_EQ(causes.causes()[0].message, "bad");
  Catch<Invalid>(422, R"({"kind":"Status","details":{"causes":"all of them"}})");
  auto retry =
      Catch<TooManyRequests>(429, R"({"kind":"Status","details":{"retryAfterSeconds":"soon"}})");
  EXPECT_FALSE(retry.retry_after().has_value());
  auto huge =
      Catch<TooManyRequests>(429, R"({"kind":"Status","details":{"retryAfterSeconds":1e300}})");
  EXPECT_FALSE(huge.retry_after().has_value());
}

TEST(KubeErrorsTest, TransientClassification) {
  EXPECT_TRUE(IsTransient(TooManyRequests(kContext, 429, "TooManyRequests", "")));
  EXPECT_TRUE(IsTransient(ServerError(kContext, 503, "ServiceUnavailable", "")));
  EXPECT_TRUE(IsTransient(Timeout(kContext, 504, "Timeout", "")));
  EXPECT_TRUE(IsTransient(TransportError(kContext, 0, kRetryableTransportReason, "")));
  EXPECT_FALSE(IsTransient(TransportError(kContext, 0, kFatalTransportReason, "")));
  EXPECT_FALSE(IsTransient(ServerError(kContext, 500, "InternalError", "")));
  EXPECT_TRUE(
      IsTransient(ServerError(kContext, 500, "InternalError", "", {}, std::chrono::seconds(1))));
  EXPECT_FALSE(IsTransient(Conflict(kContext, 409, "Conflict", "")));
  EXPECT_FALSE(IsTransient(NotFound(kContext, 404, "NotFound", "")));
}

}  // namespace
}  // namespace meshform::kube
