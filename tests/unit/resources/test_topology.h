// Topologies built in code for the resources unit tests, and a fake Istio renderer.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "engine/topology/model.h"
#include "engine/util/subprocess.h"
#include "resources/resource.h"

namespace meshform::resources::testing {

// The seed: beijing (primary, network1) and shanghai (remote, network2), port 443, kubefed
// hosted on beijing, helloworld v1/v2 and sleep in namespace sample.
topology::Topology SeedTopology();

// SeedTopology with federation `direct`.
// The seed with federation karmada hosted on beijing (namespace karmada-system).
topology::Topology KarmadaTopology();
topology::Topology DirectTopology();

// Three primaries (multi-primary), beijing and guangzhou on network1, shanghai on network2.
topology::Topology MultiPrimaryTopology();

// Prints a fixed small Istio set (Gateway CRD, webhook, gateway Service, a ServiceAccount named
// like meshform's reader SA, and a remote EndpointSlice holding the pilot marker) and records
// every argv it was given. With a non-zero exit_code it fails with two lines of stderr.
class FakeRenderer : public util::ProcessRunner {
 public:
  util::ProcessResult Run(const util::ProcessRequest& request) override;
  std::mutex calls_mutex;  // Run is called from several threads at once
  std::vector<std::vector<std::string>> calls;
  int exit_code = 0;
};

// The resource at `address`; fails the test (and returns a static empty one) when missing.
const Resource& Find(const ResourceSet& set, const std::string& address);
bool Has(const ResourceSet& set, const std::string& address);
bool DependsOn(const Resource& r, const std::string& address);

}  // namespace meshform::resources::testing
