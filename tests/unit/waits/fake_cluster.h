// A fake API server for unit tests of the waits and the lock: a FakeTransport that answers
// discovery for the kinds they use and serves scripted responses per object path, and a
// Client wired to it with a FakeClock (sleeping advances the fake time at once).
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/kube/client.h"
#include "tests/support/fake_clock.h"
#include "tests/support/fake_transport.h"

namespace meshform::testing {

class FakeCluster {
 public:
  FakeCluster();

  // GETs of `path` ("/api/v1/namespaces/x") answer these responses in turn; the last one
  // repeats. An unscripted path answers 404 NotFound.
  void Script(const std::string& path, std::vector<kube::HttpResponse> responses);
  // Convenience: each state is a 200 with that object.
  void ScriptObjects(const std::string& path, const std::vector<nlohmann::json>& states);

  // How many requests reached `path` (discovery excluded).
  int RequestsTo(const std::string& path) const;
  int ApiRequestCount() const;

  static kube::HttpResponse Ok(const nlohmann::json& object);
  static kube::HttpResponse NotFound();

  kube::Client& client() { return *client_; }
  kube::FakeClock& clock() { return clock_; }

 private:
  kube::HttpResponse Answer(const kube::HttpRequest& request);

  std::shared_ptr<kube::FakeTransport> transport_ = std::make_shared<kube::FakeTransport>();
  kube::FakeClock clock_;
  std::unique_ptr<kube::Client> client_;
  mutable std::mutex mu_;
  std::map<std::string, std::deque<kube::HttpResponse>> scripts_;
  std::map<std::string, int> counts_;
};

}  // namespace meshform::testing
