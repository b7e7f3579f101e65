// What the seed's end-state tests share (KubeFed's, seed_end_state_test.cc, and Karmada's,
// karmada_end_state_test.cc): clients of beijing and shanghai, and the seed's expectations of
// their Deployments and Services once meshform applied and the federation propagated.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/kube/client.h"

namespace meshform::testing {

class EndStateTest : public ::testing::Test {
 protected:
  void SetUp() override;

  kube::Client& In(const std::string& cluster) { return *clients_.at(cluster); }

  // The Deployment sample/<name> in `cluster` once available (the pod stand-in starts its pods).
  nlohmann::json Available(const std::string& cluster, const std::string& name);

  // helloworld in `cluster`, available, with image ...-<version> and label version=<version>
  // (metadata, pod template, selector); returns it.
  nlohmann::json ExpectHelloworld(const std::string& cluster, const std::string& version);

  // sleep available with its image, and the Service helloworld on port 5000, in both clusters.
  void ExpectSleepAndServices();

  std::map<std::string, std::unique_ptr<kube::Client>> clients_;
};

}  // namespace meshform::testing
