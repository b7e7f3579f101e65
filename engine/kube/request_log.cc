// Redacting request logger (see request_log.h).
#include "engine/kube/request_log.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "engine/util/redact.h"

namespace meshform::kube {
namespace {

using nlohmann::json;

constexpr size_t kMaxLoggedBody = 4096;

double Millis(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

}  // namespace

std::string RedactBody(const std::string& body) {
  if (body.empty()) return "";
  json doc = json::parse(body, nullptr, false);
  if (doc.is_discarded()) return "(" + std::to_string(body.size()) + " bytes, not JSON)";
  std::string out = util::Redacted(doc).dump();
  if (out.size() > kMaxLoggedBody) out = out.substr(0, kMaxLoggedBody) + "...(truncated)";
  return out;
}

std::string RedactHeaders(const std::map<std::string, std::string>& headers) {
  std::string out;
  for (const auto& [name, value] : headers) {
    if (!out.empty()) out += "; ";
    out += name + ": " + (util::IsCredentialHeader(name) ? util::kSensitive : value);
  }
  return out;
}

void LogRequest(const std::string& cluster, const HttpRequest& request, const std::string& path) {
  if (!spdlog::should_log(spdlog::level::trace)) return;
  spdlog::trace("{} {} {} request headers: {}", cluster, request.method, path,
                RedactHeaders(request.headers));
  if (!request.body.empty()) {
    spdlog::trace("{} {} {} request body: {}", cluster, request.method, path,
                  RedactBody(request.body));
  }
}

void LogResponse(const std::string& cluster, const HttpRequest& request, const std::string& path,
                 const HttpResponse& response, std::chrono::steady_clock::duration took,
                 int attempt) {
  spdlog::debug("{} {} {} {} in {:.1f} ms (HTTP/{}{})", cluster, request.method, path,
                response.status, Millis(took), response.http_version,
                attempt > 1 ? ", attempt " + std::to_string(attempt) : "");
  if (!spdlog::should_log(spdlog::level::trace)) return;
  std::string audit = response.Header("audit-id");
  spdlog::trace("{} {} {} response{}: {}", cluster, request.method, path,
                audit.empty() ? "" : " (Audit-Id " + audit + ")", RedactBody(response.body));
  std::string warning = response.Header("warning");
  if (!warning.empty())
    spdlog::debug("{} {} {} warning: {}", cluster, request.method, path, warning);
}

void LogFailure(const std::string& cluster, const HttpRequest& request, const std::string& path,
                const std::string& what, std::chrono::steady_clock::duration took, int attempt) {
  spdlog::debug("{} {} {} failed after {:.1f} ms (attempt {}): {}", cluster, request.method, path,
                Millis(took), attempt, what);
}

}  // namespace meshform::kube
