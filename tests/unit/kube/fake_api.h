// Test helpers: a FakeTransport that answers discovery like a small API server, and a Client
// wired to it with a FakeClock, for unit tests of the request pipeline.
#pragma once

#include <memory>
#include <string>

#include "engine/kube/client.h"
#include "tests/support/fake_clock.h"
#include "tests/support/fake_transport.h"

namespace meshform::kube::testing {

// Discovery documents for /api/v1 (namespaces, configmaps, secrets, serviceaccounts) and
// /apis/apps/v1 (deployments with status and scale); other paths go to `next`.
FakeTransport::Handler DiscoveryHandler(FakeTransport::Handler next);

// A ClusterConfig named "fake" for https://fake.invalid with a static token.
ClusterConfig FakeConfig();

struct FakeCluster {
  std::shared_ptr<FakeTransport> transport = std::make_shared<FakeTransport>();
  FakeClock clock;
  std::unique_ptr<Client> client;

  // Builds `client` with the given options (transport, clock and seed are filled in).
  explicit FakeCluster(ClientOptions options = {});
  // Requests that were not discovery requests.
  std::vector<HttpRequest> ApiRequests() const;
};

}  // namespace meshform::kube::testing
