// libFuzzer target for the API response decoder: kube::ThrowForResponse must turn any status
// code, Retry-After header and body into a typed kube::ApiError. A crash, a sanitizer report, a
// hang, returning, or any other exception escaping (e.g. nlohmann::json::type_error from a
// Status with fields of the wrong type) is a bug.
// Input: the first line is "<status code> <Retry-After header>", the rest is the body.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/kube/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t newline = input.find('\n');
  const std::string head = input.substr(0, newline);
  const std::string body = newline == std::string::npos ? "" : input.substr(newline + 1);
  const size_t space = head.find(' ');
  const std::string code_text = head.substr(0, space);
  const std::string retry_after = space == std::string::npos ? "" : head.substr(space + 1);
  // Any non-2xx code the server could send (100..599, without 2xx, which never reaches here).
  int code = static_cast<int>(std::strtol(code_text.c_str(), nullptr, 10) % 500);
  if (code < 0) code = -code;
  code += 100;
  if (code >= 200 && code < 300) code += 200;
  const meshform::kube::RequestContext context{"fuzz", "get", "ConfigMap default/fuzz"};
  try {
    meshform::kube::ThrowForResponse(context, code, body, retry_after);
  } catch (const meshform::kube::ApiError& error) {
    if (error.code() != code) std::abort();  // the typed error must carry the HTTP status
    return 0;
  }
  std::abort();  // [[noreturn]]: unreachable
}
