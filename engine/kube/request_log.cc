// Redacting request logger (see request_log.h).
#include "engine/kube/request_log.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

namespace meshform::kube {
namespace {

using nlohmann::json;

constexpr size_t kMaxLoggedBody = 4096;

bool SensitiveKey(const std::string& key) {
  static const char* keys[] = {"token",         "password",      "client-key-data",
                               "clientKeyData", "client-key",    "access-token",
                               "id-token",      "refresh-token", "privateKey"};
  for (const char* k : keys) {
    if (key == k) return true;
  }
  return false;
}

void RedactObject(json& obj);

void RedactSecret(json& secret) {
  for (const char* field : {"data", "stringData"}) {
    if (secret.contains(field) && secret[field].is_object()) {
      for (auto& [key, value] : secret[field].items()) value = kRedacted;
    }
  }
  // kubectl's client-side apply keeps the whole Secret in an annotation.
  if (secret.contains("metadata") && secret["metadata"].contains("annotations") &&
      secret["metadata"]["annotations"].is_object()) {
    auto& annotations = secret["metadata"]["annotations"];
    if (annotations.contains("kubectl.kubernetes.io/last-applied-configuration")) {
      annotations["kubectl.kubernetes.io/last-applied-configuration"] = kRedacted;
    }
  }
}

void RedactObject(json& node) {
  if (node.is_array()) {
    for (auto& item : node) RedactObject(item);
    return;
  }
  if (!node.is_object()) return;
  std::string kind = node.value("kind", "");
  if (kind == "Secret") RedactSecret(node);
  for (auto& [key, value] : node.items()) {
    if (SensitiveKey(key) && value.is_string()) {
      value = kRedacted;
    } else if (value.is_structured()) {
      RedactObject(value);
    }
  }
  // A List of Secrets may omit the items' kind.
  if (kind == "SecretList" && node.contains("items")) {
    for (auto& item : node["items"]) RedactSecret(item);
  }
}

double Millis(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

}  // namespace

std::string RedactBody(const std::string& body) {
  if (body.empty()) return "";
  json doc = json::parse(body, nullptr, false);
  if (doc.is_discarded()) return "(" + std::to_string(body.size()) + " bytes, not JSON)";
  RedactObject(doc);
  std::string out = doc.dump();
  if (out.size() > kMaxLoggedBody) out = out.substr(0, kMaxLoggedBody) + "...(truncated)";
  return out;
}

std::string RedactHeaders(const std::map<std::string, std::string>& headers) {
  std::string out;
  for (const auto& [name, value] : headers) {
    std::string lower = name;
    for (auto& c : lower) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
    bool secret = lower == "authorization" || lower == "proxy-authorization" || lower == "cookie";
    if (!out.empty()) out += "; ";
    out += name + ": " + (secret ? kRedacted : value);
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
