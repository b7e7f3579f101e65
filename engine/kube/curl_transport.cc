// CurlTransport: pooled libcurl easy handles over one CURLSH, performed by the calling thread
// or by one multiplexing I/O thread (see curl_transport.h).
#include "engine/kube/curl_transport.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace meshform::kube {
namespace {

constexpr long kMaxIdleConnections = 256;

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* headers = static_cast<std::map<std::string, std::string>*>(user);
  std::string line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {
    headers->clear();  // a new response (after 100 Continue or a redirect) starts over
    return size * count;
  }
  auto colon = line.find(':');
  if (colon == std::string::npos) return size * count;
  std::string value = line.substr(colon + 1);
  value.erase(0, value.find_first_not_of(" \t"));
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
  std::string& slot = (*headers)[Lower(line.substr(0, colon))];
  slot = slot.empty() ? value : slot + ", " + value;
  return size * count;
}

bool Retryable(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

// "https://host:port/path" → {host, port}; for CURLOPT_CONNECT_TO with tls-server-name.
std::pair<std::string, std::string> HostPort(const std::string& url) {
  auto start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  auto end = url.find('/', start);
  std::string authority =
      url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  auto colon = authority.rfind(':');
  if (colon == std::string::npos || authority.back() == ']') return {authority, "443"};
  return {authority.substr(0, colon), authority.substr(colon + 1)};
}

curl_blob Blob(const std::string& pem) {
  return curl_blob{const_cast<char*>(pem.data()), pem.size(), CURL_BLOB_COPY};
}

// The I/O thread of the multiplexed mode: a multi handle that performs every submitted easy
// handle, HTTP/2 streams sharing connections, and fulfils each one's promise when it is done.
class MultiLoop {
 public:
  MultiLoop() : multi_(curl_multi_init()) {
    curl_multi_setopt(multi_, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
    curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, kMaxIdleConnections);
    thread_ = std::thread([this] { Loop(); });
  }
  ~MultiLoop() {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    curl_multi_wakeup(multi_);
    thread_.join();
    curl_multi_cleanup(multi_);
  }
  MultiLoop(const MultiLoop&) = delete;
  MultiLoop& operator=(const MultiLoop&) = delete;

  // Performs `h` on the I/O thread; returns its result once it is done.
  CURLcode Perform(CURL* h) {
    Job job{h, {}};
    std::future<CURLcode> done = job.result.get_future();
    {
      std::lock_guard lock(mu_);
      submitted_.push_back(&job);
    }
    curl_multi_wakeup(multi_);
    return done.get();
  }

 private:
  struct Job {
    CURL* handle;
    std::promise<CURLcode> result;
  };

  void Loop() {
    while (true) {
      {
        std::lock_guard lock(mu_);
        if (stopping_) break;
        for (Job* job : submitted_) {
          curl_easy_setopt(job->handle, CURLOPT_PRIVATE, job);
          CURLMcode added = curl_multi_add_handle(multi_, job->handle);
          if (added != CURLM_OK) job->result.set_value(CURLE_FAILED_INIT);
        }
        submitted_.clear();
      }
      int running = 0;
      curl_multi_perform(multi_, &running);
      int queued = 0;
      while (CURLMsg* message = curl_multi_info_read(multi_, &queued)) {
        if (message->msg != CURLMSG_DONE) continue;
        Job* job = nullptr;
        curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &job);
        CURLcode code = message->data.result;
        curl_multi_remove_handle(multi_, message->easy_handle);
        job->result.set_value(code);
      }
      curl_multi_poll(multi_, nullptr, 0, 1000, nullptr);
    }
    // Only reached when the transport is destroyed, when no request can be in flight.
  }

  CURLM* multi_;
  std::mutex mu_;
  std::vector<Job*> submitted_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace

struct CurlTransport::Impl {
  std::unique_ptr<MultiLoop> loop;  // kMultiplexed only
  CURLSH* share = nullptr;
  std::mutex locks[CURL_LOCK_DATA_LAST];
  std::mutex pool_mu;
  std::vector<CURL*> pool;
  std::atomic<long> requests{0};
  std::atomic<long> new_connections{0};

  static void Lock(CURL*, curl_lock_data data, curl_lock_access, void* user) {
    static_cast<Impl*>(user)->locks[data].lock();
  }
  static void Unlock(CURL*, curl_lock_data data, void* user) {
    static_cast<Impl*>(user)->locks[data].unlock();
  }

  CURL* Acquire() {
    {
      std::lock_guard lock(pool_mu);
      if (!pool.empty()) {
        CURL* handle = pool.back();
        pool.pop_back();
        return handle;
      }
    }
    return curl_easy_init();
  }

  void Release(CURL* handle) {
    curl_easy_reset(handle);
    std::lock_guard lock(pool_mu);
    pool.push_back(handle);
  }
};

CurlTransport::CurlTransport(Mode mode) : impl_(std::make_unique<Impl>()) {
  GlobalInit();
  impl_->share = curl_share_init();
  curl_share_setopt(impl_->share, CURLSHOPT_LOCKFUNC, &Impl::Lock);
  curl_share_setopt(impl_->share, CURLSHOPT_UNLOCKFUNC, &Impl::Unlock);
  curl_share_setopt(impl_->share, CURLSHOPT_USERDATA, impl_.get());
  // Multiplexed: the multi handle keeps the connections (a shared connection cache would keep
  // requests from becoming streams of one connection).
  if (mode == Mode::kMultiplexed) {
    impl_->loop = std::make_unique<MultiLoop>();
  } else {
    curl_share_setopt(impl_->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
  }
  curl_share_setopt(impl_->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  curl_share_setopt(impl_->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
}

CurlTransport::~CurlTransport() {
  impl_->loop.reset();
  for (CURL* handle : impl_->pool) curl_easy_cleanup(handle);
  curl_share_cleanup(impl_->share);
}

namespace {

void SetTls(CURL* h, const TlsConfig* tls, const std::string& url, curl_slist** connect_to) {
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, tls && tls->insecure_skip_verify ? 0L : 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, tls && tls->insecure_skip_verify ? 0L : 2L);
  if (tls == nullptr) return;
  if (!tls->ca_pem.empty()) {
    curl_blob ca = Blob(tls->ca_pem);
    curl_easy_setopt(h, CURLOPT_CAINFO_BLOB, &ca);
    curl_easy_setopt(h, CURLOPT_CAPATH, nullptr);  // trust only the cluster CA
  }
  if (!tls->client_cert_pem.empty()) {
    curl_blob cert = Blob(tls->client_cert_pem), key = Blob(tls->client_key_pem);
    curl_easy_setopt(h, CURLOPT_SSLCERT_BLOB, &cert);
    curl_easy_setopt(h, CURLOPT_SSLCERTTYPE, "PEM");
    curl_easy_setopt(h, CURLOPT_SSLKEY_BLOB, &key);
    curl_easy_setopt(h, CURLOPT_SSLKEYTYPE, "PEM");
  }
  if (!tls->server_name.empty()) {
    // Verify (and send SNI for) server_name while connecting to the URL's real address.
    auto [host, port] = HostPort(url);
    *connect_to = curl_slist_append(
        nullptr, (tls->server_name + ":" + port + ":" + host + ":" + port).c_str());
    curl_easy_setopt(h, CURLOPT_CONNECT_TO, *connect_to);
  }
}

std::string EffectiveUrl(const HttpRequest& r) {
  if (!r.tls || r.tls->server_name.empty()) return r.url;
  auto [host, port] = HostPort(r.url);
  std::string url = r.url;
  url.replace(url.find(host), host.size(), r.tls->server_name);
  return url;
}

}  // namespace

HttpResponse CurlTransport::RoundTrip(const HttpRequest& request) {
  CURL* h = impl_->Acquire();
  HttpResponse response;
  std::string url = EffectiveUrl(request);
  curl_slist* headers = nullptr;
  curl_slist* connect_to = nullptr;
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(h, CURLOPT_SHARE, impl_->share);
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  if (request.method == "HEAD") curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
  if (!request.body.empty() || request.method == "POST" || request.method == "PUT" ||
      request.method == "PATCH") {
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }
  for (const auto& [name, value] : request.headers) {
    headers = curl_slist_append(headers, (name + ": " + value).c_str());
  }
  headers = curl_slist_append(headers, "Expect:");
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_HTTP_VERSION,
                   request.http2 ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_1_1);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  // The shared cache keeps this many idle connections; libcurl's default (4 per easy handle)
  // would close connections that other threads are about to reuse.
  curl_easy_setopt(h, CURLOPT_MAXCONNECTS, kMaxIdleConnections);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(request.connect_timeout.count()));
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  if (request.compression) curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
  if (!request.proxy.empty()) curl_easy_setopt(h, CURLOPT_PROXY, request.proxy.c_str());
  SetTls(h, request.tls.get(), request.url, &connect_to);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &OnBody);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &OnHeader);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &response.headers);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  // Multiplexed: wait for a connection that can take another stream rather than open one.
  if (impl_->loop) curl_easy_setopt(h, CURLOPT_PIPEWAIT, 1L);
  CURLcode code = impl_->loop ? impl_->loop->Perform(h) : curl_easy_perform(h);
  long status = 0, version = 0, connects = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &connects);
  impl_->requests++;
  impl_->new_connections += connects;
  curl_easy_getinfo(h, CURLINFO_HTTP_VERSION, &version);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, nullptr);
  curl_slist_free_all(headers);
  curl_slist_free_all(connect_to);
  impl_->Release(h);
  if (code != CURLE_OK) {
    std::string detail = error[0] != '\0' ? error : curl_easy_strerror(code);
    bool unsent = code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST;
    throw TransportFailure{detail, Retryable(code), unsent};
  }
  response.status = static_cast<int>(status);
  response.http_version = version == CURL_HTTP_VERSION_2_0 ? "2" : "1.1";
  return response;
}

CurlTransport::Stats CurlTransport::stats() const {
  return {impl_->requests.load(), impl_->new_connections.load()};
}

}  // namespace meshform::kube
