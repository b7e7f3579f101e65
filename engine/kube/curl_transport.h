// The real Transport: libcurl with OpenSSL. HTTP/2 is negotiated by ALPN where the server
// offers it; TLS is verified against the cluster CA held in memory. Two ways to perform:
//
//   kMultiplexed (default): one I/O thread drives every request of this transport through a
//     libcurl multi handle; HTTP/2 requests share connections as concurrent streams. Calling
//     threads only prepare a request and sleep until its response is in. Many requests at once
//     cost one connection and one thread's polling instead of one of each per request.
//   kBlocking: each calling thread performs its request itself (curl_easy_perform); a pool of
//     easy handles shares one connection, TLS session and DNS cache (a CURLSH).
#pragma once

#include <atomic>
#include <memory>

#include "engine/kube/transport.h"

namespace meshform::kube {

class CurlTransport : public Transport {
 public:
  enum class Mode { kMultiplexed, kBlocking };
  explicit CurlTransport(Mode mode = Mode::kMultiplexed);
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
