// Request logging for the Kubernetes client. debug: one line per request (cluster, method,
// path, status, time, HTTP version, attempt). trace: also headers and bodies, with
// Authorization headers, tokens, client keys and Secret data replaced by "(sensitive)".
#pragma once

#include <chrono>
#include <map>
#include <string>

#include "engine/kube/transport.h"

namespace meshform::kube {

// A JSON body with secrets removed by the one redactor (engine/util/redact.h), truncated for
// logs; non-JSON bodies become a size.
std::string RedactBody(const std::string& body);

// The request headers as one line, Authorization and other credentials redacted.
std::string RedactHeaders(const std::map<std::string, std::string>& headers);

void LogRequest(const std::string& cluster, const HttpRequest& request, const std::string& path);
void LogResponse(const std::string& cluster, const HttpRequest& request, const std::string& path,
                 const HttpResponse& response, std::chrono::steady_clock::duration took,
                 int attempt);
void LogFailure(const std::string& cluster, const HttpRequest& request, const std::string& path,
                const std::string& what, std::chrono::steady_clock::duration took, int attempt);

}  // namespace meshform::kube
