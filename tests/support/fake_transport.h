// An in-process Transport for unit tests: answers from a handler function, or from a queue of
// scripted responses, and records every request it saw.
#pragma once

#include <deque>
#include <functional>
#include <mutex>
#include <vector>

#include "engine/kube/transport.h"

namespace meshform::kube {

class FakeTransport : public Transport {
 public:
  using Handler = std::function<HttpResponse(const HttpRequest&)>;

  // Requests are answered by `handler` once the scripted queue is empty.
  void SetHandler(Handler handler);
  // Queue one response (or one failure) for the next request.
  void Enqueue(HttpResponse response);
  void EnqueueFailure(TransportFailure failure);

  HttpResponse RoundTrip(const HttpRequest& request) override;

  std::vector<HttpRequest> Requests() const;
  size_t RequestCount() const;

  // Helpers to build responses.
  static HttpResponse Json(int status, const std::string& body);
  static HttpResponse Status(int status, const std::string& reason, const std::string& message);

 private:
  mutable std::mutex mu_;
  Handler handler_;
  std::deque<std::function<HttpResponse()>> queue_;
  std::vector<HttpRequest> requests_;
};

}  // namespace meshform::kube
