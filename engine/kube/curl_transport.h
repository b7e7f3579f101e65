// The real Transport: libcurl with OpenSSL. A pool of easy handles shares one connection
// cache, TLS session cache and DNS cache (a CURLSH), so that connections to the cluster are
// reused by every thread; HTTP/2 is negotiated by ALPN where the server offers it; TLS is
// verified against the cluster CA held in memory.
#pragma once

#include <atomic>
#include <memory>

#include "engine/kube/transport.h"

namespace meshform::kube {

class CurlTransport : public Transport {
 public:
  CurlTransport();
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  HttpResponse RoundTrip(const HttpRequest& request) override;

  struct Stats {
    long requests = 0;         // round trips attempted
    long new_connections = 0;  // connections opened (TCP + TLS); the rest reused one
  };
  Stats stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace meshform::kube
