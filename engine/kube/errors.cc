// Status objects → typed errors (see errors.h).
#include "engine/kube/errors.h"

#include <limits>
#include <nlohmann/json.hpp>

namespace meshform::kube {
namespace {

std::string FormatMessage(const RequestContext& c, int code, const std::string& reason,
                          const std::string& message, const std::vector<StatusCause>& causes) {
  std::string out = c.cluster + ": " + c.verb + " " + c.object + ": ";
  out += message.empty() ? reason : message;
  if (code > 0)
    out += " (HTTP " + std::to_string(code) + (reason.empty() ? "" : " " + reason) + ")";
  for (const auto& cause : causes) {
    out += "\n  - ";
    if (!cause.field.empty()) out += cause.field + ": ";
    out += cause.message.empty() ? cause.reason : cause.message;
  }
  return out;
}

std::optional<std::chrono::seconds> ParseRetryAfter(const std::string& header,
                                                    const nlohmann::json& status) {
  if (!header.empty()) {
    try {
      return std::chrono::seconds(std::stol(header));
    } catch (const std::exception&) {
      // An HTTP date: the API server never sends one; fall through to the Status.
    }
  }
  auto details = status.find("details");
  if (details != status.end() && details->is_object()) {
    auto seconds = details->find("retryAfterSeconds");
    if (seconds != details->end() && seconds->is_number_integer() && *seconds > 0 &&
        *seconds <= std::numeric_limits<int>::max()) {
      return std::chrono::seconds(seconds->get<int>());
    }
  }
  return std::nullopt;
}

// A string field of a Status (or of one of its causes); empty when absent or not a string: a
// body from a proxy or a broken server must still give the typed error, not a JSON type error.
std::string StringField(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

std::vector<StatusCause> ParseCauses(const nlohmann::json& status) {
  std::vector<StatusCause> causes;
  auto details = status.find("details");
  if (details == status.end() || !details->is_object()) return causes;
  auto list = details->find("causes");
  if (list == details->end() || !list->is_array()) return causes;
  for (const auto& c : *list) {
    if (!c.is_object()) continue;
    causes.push_back(
        {StringField(c, "reason"), StringField(c, "message"), StringField(c, "field")});
  }
  return causes;
}

std::string DefaultReason(int code) {
  switch (code) {
    case 400:
      return "BadRequest";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "NotFound";
    case 409:
      return "Conflict";
    case 410:
      return "Expired";
    case 422:
      return "Invalid";
    case 429:
      return "TooManyRequests";
    case 503:
      return "ServiceUnavailable";
    case 504:
      return "Timeout";
    default:
      return code >= 500 ? "InternalError" : "Unknown";
  }
}

template <typename E>
[[noreturn]] void Throw(const RequestContext& c, int code, const std::string& reason,
                        const std::string& message, std::vector<StatusCause> causes,
                        std::optional<std::chrono::seconds> retry_after) {
  throw E(c, code, reason, message, std::move(causes), retry_after);
}

}  // namespace

ApiError::ApiError(const RequestContext& context, int code, std::string reason, std::string message,
                   std::vector<StatusCause> causes, std::optional<std::chrono::seconds> retry_after)
    : Error(FormatMessage(context, code, reason, message, causes)),
      context_(context),
      code_(code),
      reason_(std::move(reason)),
      server_message_(std::move(message)),
      causes_(std::move(causes)),
      retry_after_(retry_after) {}

void ThrowForResponse(const RequestContext& c, int code, const std::string& body,
                      const std::string& retry_after_header) {
  nlohmann::json status = nlohmann::json::parse(body, nullptr, false);
  bool is_status = StringField(status, "kind") == "Status";
  if (!is_status) status = nlohmann::json::object();
  std::string reason = StringField(status, "reason");
  if (reason.empty()) reason = DefaultReason(code);
  std::string message = StringField(status, "message");
  if (!is_status) {
    message = body.size() > 300 ? body.substr(0, 300) + "..." : body;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
  }
  auto causes = ParseCauses(status);
  auto retry = ParseRetryAfter(retry_after_header, status);
  if (code == 404) Throw<NotFound>(c, code, reason, message, causes, retry);
  if (code == 409 && reason == "AlreadyExists")
    Throw<AlreadyExists>(c, code, reason, message, causes, retry);
  if (code == 409) Throw<Conflict>(c, code, reason, message, causes, retry);
  if (code == 422) Throw<Invalid>(c, code, reason, message, causes, retry);
  if (code == 400) Throw<BadRequest>(c, code, reason, message, causes, retry);
  if (code == 401) Throw<Unauthorized>(c, code, reason, message, causes, retry);
  if (code == 403) Throw<Forbidden>(c, code, reason, message, causes, retry);
  if (code == 410) Throw<Gone>(c, code, reason, message, causes, retry);
  if (code == 429) Throw<TooManyRequests>(c, code, reason, message, causes, retry);
  if (code == 504 || reason == "ServerTimeout" || reason == "Timeout") {
    Throw<Timeout>(c, code, reason, message, causes, retry);
  }
  if (code >= 500) Throw<ServerError>(c, code, reason, message, causes, retry);
  Throw<ApiError>(c, code, reason, message, causes, retry);
}

bool IsTransient(const ApiError& e) {
  if (dynamic_cast<const TransportError*>(&e) != nullptr)
    return e.reason() == kRetryableTransportReason;
  if (e.code() == 429 || e.code() == 502 || e.code() == 503 || e.code() == 504) return true;
  if (dynamic_cast<const Timeout*>(&e) != nullptr) return true;
  // Other 5xx (an InternalError such as an unknown field in an apply body) are permanent,
  // unless the server asked to come back later.
  return e.code() >= 500 && e.retry_after().has_value();
}

bool IsUnreachable(const ApiError& error) {
  return error.code() == 0 && error.reason() == kRetryableTransportReason;
}

}  // namespace meshform::kube
