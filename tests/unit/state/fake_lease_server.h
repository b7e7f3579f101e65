// A stateful fake API server for the lock's unit tests: namespaces and Leases kept in memory
// with resourceVersions, answering GET, POST and PUT as kube-apiserver does (404 for a missing
// namespace or object, 409 AlreadyExists, 409 Conflict on a stale resourceVersion).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "engine/kube/client.h"
#include "tests/support/fake_clock.h"
#include "tests/support/fake_transport.h"

namespace meshform::testing {

class FakeLeaseServer {
 public:
  FakeLeaseServer();

  // A new client of this server (each with its own discovery cache), on the shared clock.
  std::unique_ptr<kube::Client> NewClient();

  bool HasNamespace(const std::string& name) const;
  // The stored Lease, or null.
  nlohmann::json Lease(const std::string& ns, const std::string& name) const;
  void PutLease(nlohmann::json lease);  // stores as is (bumps the resourceVersion)
  void DeleteLease(const std::string& ns, const std::string& name);  // as `kubectl delete` would
  // The next PUT of a Lease fails with 409 Conflict (as if someone wrote it just before).
  void FailNextUpdate();

  kube::FakeClock& clock() { return clock_; }

 private:
  kube::HttpResponse Answer(const kube::HttpRequest& request);
  kube::HttpResponse Namespaces(const kube::HttpRequest& request);
  kube::HttpResponse Leases(const kube::HttpRequest& request, const std::string& ns,
                            const std::string& name);

  std::shared_ptr<kube::FakeTransport> transport_ = std::make_shared<kube::FakeTransport>();
  kube::FakeClock clock_;
  mutable std::mutex mu_;
  std::set<std::string> namespaces_;
  std::map<std::string, nlohmann::json> leases_;  // by "ns/name"
  int version_ = 100;
  bool fail_next_update_ = false;
};

}  // namespace meshform::testing
