// FakeTransport (see fake_transport.h).
#include "tests/support/fake_transport.h"

#include <nlohmann/json.hpp>

namespace meshform::kube {

void FakeTransport::SetHandler(Handler handler) {
  std::lock_guard lock(mu_);
  handler_ = std::move(handler);
}

void FakeTransport::Enqueue(HttpResponse response) {
  std::lock_guard lock(mu_);
  queue_.push_back([response] { return response; });
}

void FakeTransport::EnqueueFailure(TransportFailure failure) {
  std::lock_guard lock(mu_);
  queue_.push_back([failure]() -> HttpResponse { throw failure; });
}

HttpResponse FakeTransport::RoundTrip(const HttpRequest& request) {
  std::function<HttpResponse()> next;
  Handler handler;
  {
    std::lock_guard lock(mu_);
    requests_.push_back(request);
    if (!queue_.empty()) {
      next = std::move(queue_.front());
      queue_.pop_front();
    } else {
      handler = handler_;
    }
  }
  if (next) return next();
  if (handler) return handler(request);
  return Status(404, "NotFound", "fake transport: no response for " + request.url);
}

std::vector<HttpRequest> FakeTransport::Requests() const {
  std::lock_guard lock(mu_);
  return requests_;
}

size_t FakeTransport::RequestCount() const {
  std::lock_guard lock(mu_);
  return requests_.size();
}

HttpResponse FakeTransport::Json(int status, const std::string& body) {
  HttpResponse response;
  response.status = status;
  response.headers["content-type"] = "application/json";
  response.body = body;
  return response;
}

HttpResponse FakeTransport::Status(int status, const std::string& reason,
                                   const std::string& message) {
  nlohmann::json s = {
      {"kind", "Status"},    {"apiVersion", "v1"}, {"metadata", nlohmann::json::object()},
      {"status", "Failure"}, {"message", message}, {"reason", reason},
      {"code", status}};
  return Json(status, s.dump());
}

}  // namespace meshform::kube
