// The request pipeline (see rest_client.h).
#include "engine/kube/rest_client.h"

#include <spdlog/spdlog.h>

#include <random>

#include "engine/kube/curl_transport.h"
#include "engine/kube/request_log.h"

namespace meshform::kube {
namespace {

std::shared_ptr<Transport> TransportOrDefault(const ClientOptions& options) {
  return options.transport ? options.transport : std::make_shared<CurlTransport>();
}

uint64_t Seed(const ClientOptions& options) {
  return options.jitter_seed != 0 ? options.jitter_seed : std::random_device{}();
}

}  // namespace

RestClient::RestClient(const ClusterConfig& config, const ClientOptions& options)
    : config_(config),
      options_(options),
      clock_(options.clock ? options.clock : &RealClock::Instance()),
      transport_(TransportOrDefault(options)),
      limiter_(options.rate_limit, *clock_),
      backoff_(options.retry, Seed(options)),
      auth_(config, *clock_, options.exec_timeout) {}

HttpRequest RestClient::BuildHttp(const ApiRequest& request) const {
  HttpRequest http;
  http.method = request.method;
  http.url = config_.server + request.path;
  http.headers = request.headers;
  http.headers["Accept"] = "application/json";
  http.headers["User-Agent"] = options_.user_agent;
  if (!request.body.empty()) http.headers["Content-Type"] = request.content_type;
  http.body = request.body;
  http.timeout = options_.timeout;
  http.connect_timeout = options_.connect_timeout;
  http.proxy = config_.proxy_url;
  http.compression = !config_.disable_compression;
  http.http2 = options_.http2;
  return http;
}

HttpResponse RestClient::TryOnce(const ApiRequest& request, int attempt) {
  limiter_.Acquire();
  HttpRequest http = BuildHttp(request);
  auth_.Authorize(http);
  LogRequest(config_.context, http, request.path);
  auto start = std::chrono::steady_clock::now();
  HttpResponse response;
  try {
    response = transport_->RoundTrip(http);
  } catch (const TransportFailure& failure) {
    LogFailure(config_.context, http, request.path, failure.message,
               std::chrono::steady_clock::now() - start, attempt);
    // A POST (create, TokenRequest) is not idempotent: retry it only if it was never sent.
    bool retryable = failure.retryable && (failure.unsent || request.method != "POST");
    throw TransportError(request.context, 0,
                         retryable ? kRetryableTransportReason : kFatalTransportReason,
                         "cannot reach " + config_.server + ": " + failure.message);
  }
  LogResponse(config_.context, http, request.path, response,
              std::chrono::steady_clock::now() - start, attempt);
  if (response.status >= 200 && response.status < 300) return response;
  ThrowForResponse(request.context, response.status, response.body, response.Header("retry-after"));
}

void RestClient::WaitBeforeRetry(int attempt, const ApiError& error) {
  Duration delay = backoff_.DelayFor(attempt, error);
  spdlog::debug("{}: retrying {} {} in {} ms: {}", config_.context, error.context().verb,
                error.context().object,
                std::chrono::duration_cast<std::chrono::milliseconds>(delay).count(),
                error.server_message());
  // A 429 holds back every request to this cluster for the server's Retry-After, not just
  // this one; this one then comes back after its own (jittered, growing) delay.
  if (error.code() == 429)
    limiter_.PauseFor(error.retry_after() ? Duration(*error.retry_after()) : delay);
  clock_->SleepFor(delay);
}

HttpResponse RestClient::Do(ApiRequest request) {
  request.context.cluster = config_.context;
  if (request.context.verb.empty()) request.context.verb = request.method;
  if (request.context.object.empty()) request.context.object = request.path;
  bool reauthenticated = false;
  const TimePoint first_sent = clock_->Now();
  int failures = 0;  // failed tries other than 429s
  int throttled = 0;
  bool maybe_done = false;  // an earlier try may have been carried out
  for (int attempt = 1;; ++attempt) {
    try {
      HttpResponse response = TryOnce(request, attempt);
      if (gave_up_on_server_.load())
        gave_up_on_server_.store(false);  // no shared write per request
      response.sent_again = maybe_done;
      return response;
    } catch (const Unauthorized& e) {
      if (reauthenticated || !auth_.OnUnauthorized()) throw;
      reauthenticated = true;  // fresh exec/token-file credentials get one more try
    } catch (const ApiError& e) {
      int& count = e.code() == 429 ? throttled : failures;
      ++count;
      maybe_done = maybe_done || e.code() != 429;
      const bool unreachable = IsUnreachable(e);
      if (unreachable && gave_up_on_server_.load()) {
        spdlog::debug("{}: not retrying {} {}: an earlier request already gave up on {}",
                      config_.context, e.context().verb, e.context().object, config_.server);
        throw;
      }
      if (!backoff_.ShouldRetry(failures, e, clock_->Now() - first_sent)) {
        if (unreachable) gave_up_on_server_.store(true);
        throw;
      }
      WaitBeforeRetry(count, e);
    }
  }
}

}  // namespace meshform::kube
