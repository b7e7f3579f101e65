// A copy of the seed example (examples/seed-two-networks) under a test's own name, written to a
// temporary folder, with helpers to plan/apply/destroy it through the real meshform binary
// against the harness's clusters. Tear-down destroys whatever the test applied.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/commands.h"

namespace meshform::testing {

class SeedTopology : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // The seed's text with this test's topology name and an absolute renderer path.
  std::string SeedText() const;
  // Rewrites the topology file (e.g. with a workload removed).
  void Write(const std::string& text);

  CommandResult Plan(const std::string& extra = "");
  nlohmann::json PlanJson(const std::string& extra = "");
  CommandResult Apply(const std::string& extra = "");

  std::string dir_;
  std::string file_;
  std::string name_;
};

// The changes of a plan JSON whose action is not no-op.
std::vector<nlohmann::json> Changed(const nlohmann::json& plan);

}  // namespace meshform::testing
