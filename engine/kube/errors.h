// Typed errors of the Kubernetes client. The API server's Status objects (and transport
// failures) become one class per reason, so that callers catch what they handle
// (kube::NotFound, kube::Conflict, ...) and print the rest. Every message names the cluster,
// the verb and the object.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "engine/util/error.h"

namespace meshform::kube {

// One entry of a Status's details.causes (field errors of a 422, SSA field-manager conflicts).
struct StatusCause {
  std::string reason;   // e.g. FieldValueInvalid, FieldManagerConflict
  std::string message;  // e.g. conflict with "kubectl" using v1
  std::string field;    // e.g. metadata.name or .data.key
};

// What the request was about; goes into every message: "beijing: apply ConfigMap ns/name".
struct RequestContext {
  std::string cluster;
  std::string verb;    // get, list, apply, delete, create, ...
  std::string object;  // "ConfigMap default/x", "Namespace y", "GET /api" ...
};

class ApiError : public Error {
 public:
  ApiError(const RequestContext& context, int code, std::string reason, std::string message,
           std::vector<StatusCause> causes = {},
           std::optional<std::chrono::seconds> retry_after = std::nullopt);

  const RequestContext& context() const { return context_; }
  int code() const { return code_; }  // HTTP status; 0 for transport failures
  const std::string& reason() const { return reason_; }
  const std::string& server_message() const { return server_message_; }
  const std::vector<StatusCause>& causes() const { return causes_; }
  std::optional<std::chrono::seconds> retry_after() const { return retry_after_; }

 private:
  RequestContext context_;
  int code_;
  std::string reason_;
  std::string server_message_;
  std::vector<StatusCause> causes_;
  std::optional<std::chrono::seconds> retry_after_;
};

#define MESHFORM_KUBE_ERROR(Name) \
  class Name : public ApiError {  \
   public:                        \
    using ApiError::ApiError;     \
  }

MESHFORM_KUBE_ERROR(NotFound);         // 404
MESHFORM_KUBE_ERROR(AlreadyExists);    // 409 reason AlreadyExists
MESHFORM_KUBE_ERROR(Conflict);         // 409: resourceVersion/precondition/SSA conflicts
MESHFORM_KUBE_ERROR(Invalid);          // 422 with field causes
MESHFORM_KUBE_ERROR(BadRequest);       // 400
MESHFORM_KUBE_ERROR(Unauthorized);     // 401
MESHFORM_KUBE_ERROR(Forbidden);        // 403
MESHFORM_KUBE_ERROR(Gone);             // 410 Expired/Gone (old resourceVersion, continue token)
MESHFORM_KUBE_ERROR(TooManyRequests);  // 429, with Retry-After
MESHFORM_KUBE_ERROR(Timeout);          // 504, or 500 ServerTimeout
MESHFORM_KUBE_ERROR(ServerError);      // other 5xx
MESHFORM_KUBE_ERROR(TransportError);   // no HTTP response: connect, TLS, timeout
MESHFORM_KUBE_ERROR(NoKindMatch);      // discovery does not know the apiVersion/kind
MESHFORM_KUBE_ERROR(CredentialError);  // exec plugin or token file failed

#undef MESHFORM_KUBE_ERROR

// The reason of a TransportError that a retry may cure (connection refused/reset, timeout);
// other transport failures (TLS verification, bad URL) carry kFatalTransportReason.
inline constexpr const char* kRetryableTransportReason = "ConnectionFailed";
inline constexpr const char* kFatalTransportReason = "TransportFailed";

// Builds the typed error for a non-2xx response. `body` may be a Status object or plain text;
// `retry_after_header` is the raw Retry-After header value (may be empty).
[[noreturn]] void ThrowForResponse(const RequestContext& context, int code, const std::string& body,
                                   const std::string& retry_after_header);

// True for errors worth retrying: 429, 5xx that signal overload/timeouts, retryable
// transport failures.
bool IsTransient(const ApiError& error);

// True when the server could not be reached at all: no HTTP answer, a retryable transport
// failure (connection refused or reset, timeout).
bool IsUnreachable(const ApiError& error);

}  // namespace meshform::kube
