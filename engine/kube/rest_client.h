// The request pipeline to one cluster: rate limit → authenticate → transport → log → typed
// error, with retries of transient failures (exponential backoff with jitter, Retry-After).
// Thread-safe. Client builds on it; most users want Client.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>

#include "engine/kube/auth.h"
#include "engine/kube/clock.h"
#include "engine/kube/errors.h"
#include "engine/kube/kubeconfig.h"
#include "engine/kube/rate_limiter.h"
#include "engine/kube/retry.h"
#include "engine/kube/transport.h"

namespace meshform::kube {

struct ClientOptions {
  RateLimit rate_limit;
  RetryPolicy retry;
  std::chrono::milliseconds timeout{60000};
  std::chrono::milliseconds connect_timeout{10000};
  // One run of an exec credential plugin (users[].user.exec); then it is killed.
  std::chrono::milliseconds exec_timeout = kDefaultExecTimeout;
  int64_t list_page_size = 500;  // the `limit` of a LIST page when ListOptions::limit is 0
  std::string user_agent = "meshform/" MESHFORM_VERSION;
  std::string field_manager = "meshform";
  bool http2 = true;                     // false: HTTP/1.1 only (like client-go's DISABLE_HTTP2)
  std::shared_ptr<Transport> transport;  // null: a new CurlTransport for this client
  Clock* clock = nullptr;                // null: the real clock
  uint64_t jitter_seed = 0;              // 0: random
  // Root of discovery's disk cache (discovery_cache.h); "": resource lists are kept in memory
  // only (the default; the CLI passes DefaultDiscoveryCacheRoot()).
  std::string discovery_cache_root;
};

// One API call: method, path with query, body, and what it is about (for error messages).
struct ApiRequest {
  std::string method = "GET";
  std::string path;  // "/api/v1/namespaces/x?limit=10"
  std::string body;
  std::string content_type = "application/json";
  std::map<std::string, std::string> headers;
  RequestContext context;  // verb and object; the cluster is filled in
};

class RestClient {
 public:
  RestClient(const ClusterConfig& config, const ClientOptions& options);

  // Sends the request (retrying transient failures) and returns a 2xx response; anything else
  // becomes a typed ApiError.
  HttpResponse Do(ApiRequest request);

  const ClusterConfig& config() const { return config_; }
  const ClientOptions& options() const { return options_; }
  Clock& clock() { return *clock_; }

 private:
  HttpRequest BuildHttp(const ApiRequest& request) const;
  // One try; returns the response or throws a typed error.
  HttpResponse TryOnce(const ApiRequest& request, int attempt);
  void WaitBeforeRetry(int attempt, const ApiError& error);

  const ClusterConfig config_;
  const ClientOptions options_;
  Clock* clock_;
  std::shared_ptr<Transport> transport_;
  RateLimiter limiter_;
  Backoff backoff_;
  Authenticator auth_;
  // A request spent all its retries on a server it could not reach at all (refused, reset):
  // until a request gets through again, the others try once and give up, instead of each
  // waiting out a retry budget of its own against a server that is down (a plan of a dead
  // cluster's fifteen kinds took two minutes to fail).
  std::atomic<bool> gave_up_on_server_{false};
};

}  // namespace meshform::kube
