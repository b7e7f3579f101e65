// The HTTP boundary of the Kubernetes client: one request in, one response out. The real
// implementation is CurlTransport (curl_transport.h); unit tests use FakeTransport (tests/support).
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace meshform::kube {

// TLS material for one cluster, all PEM text held in memory.
struct TlsConfig {
  std::string ca_pem;           // empty: the system trust store
  std::string client_cert_pem;  // with client_key_pem: client-certificate authentication
  std::string client_key_pem;
  bool insecure_skip_verify = false;
  std::string server_name;  // tls-server-name: the name to verify instead of the URL's host
};

struct HttpRequest {
  std::string method = "GET";
  std::string url;  // absolute, e.g. https://127.0.0.1:6443/api/v1/namespaces
  std::map<std::string, std::string> headers;
  std::string body;
  std::shared_ptr<const TlsConfig> tls;  // null: default TLS settings
  std::chrono::milliseconds timeout{60000};
  std::chrono::milliseconds connect_timeout{10000};
  std::string proxy;  // empty: libcurl's environment defaults
  bool compression = true;
  bool http2 = true;  // offer h2 by ALPN; false: HTTP/1.1 only
};

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string http_version;  // "1.1", "2"
  // Set by RestClient::Do: this answer is to a request sent again after an earlier try failed
  // in a way that may have left it carried out (no answer, a timeout, a 5xx), so a write may
  // find its own earlier effect. Never set after 429s and 401s only (not carried out).
  bool sent_again = false;

  std::string Header(const std::string& lower_name) const;
};

// Thrown by a transport when no HTTP response was obtained (connect, TLS, timeout, protocol).
// Client turns it into the typed kube::TransportError with cluster, verb and object.
struct TransportFailure {
  std::string message;
  bool retryable;       // true for failures where retrying can help (refused, reset, timeout)
  bool unsent = false;  // the request surely never reached the server (no connection)
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Safe to call from many threads at once. Throws TransportFailure.
  virtual HttpResponse RoundTrip(const HttpRequest& request) = 0;
};

}  // namespace meshform::kube
