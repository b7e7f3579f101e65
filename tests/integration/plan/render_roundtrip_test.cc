// render and apply agree object for object: the seed rendered, every cluster folder applied by
// kubectl (server-side, field manager meshform), then `meshform plan` wants to create exactly
// the objects render left out (README.md) and nothing else, `meshform apply` creates them, and
// the next plan is clean.
#include <gtest/gtest.h>

#include <set>

#include "tests/integration/plan/seed_fixture.h"

namespace meshform::testing {
namespace {

const char* const kClusters[] = {"beijing", "shanghai"};

// The addresses of README.md's left-out table: rows "| `address` | reason |".
std::set<std::string> LeftOutInReadme(const std::string& readme) {
  std::set<std::string> out;
  const std::string row = "\n| `";
  for (size_t at = readme.find(row); at != std::string::npos; at = readme.find(row, at + 1)) {
    size_t begin = at + row.size();
    out.insert(readme.substr(begin, readme.find('`', begin) - begin));
  }
  return out;
}

// kubectl maps every kind before it applies anything: custom resources of CRDs the same folder
// creates fail on the first run, so wait for the CRDs and run it again (README.md says so).
CommandResult ApplyFolder(const std::string& cluster, const std::string& folder) {
  const std::string apply = "apply --server-side --field-manager meshform -k " + folder;
  auto first = Kubectl(cluster, apply);
  if (first.exit_code == 0) return first;
  Kubectl(cluster, "wait --for condition=established --timeout 60s crd --all");
  return Kubectl(cluster, apply);
}

class RenderRoundTrip : public SeedTopology {
 protected:
  void TearDown() override {
    SeedTopology::TearDown();
    // What kubectl applied is in meshform's inventory only after an apply: remove what a failed
    // run left behind (nothing when destroy ran).
    for (const char* cluster : kClusters)
      Kubectl(cluster, "delete --ignore-not-found --wait=false -k " + out_ + "/" + cluster);
  }
  std::string out_;
};

TEST_F(RenderRoundTrip, AfterKubectlAppliesTheFoldersApplyCreatesExactlyTheLeftOutObjects) {
  out_ = dir_ + "/rendered";
  auto render = Meshform("render -f " + file_ + " -d " + out_);
  ASSERT_EQ(render.exit_code, 0) << render.err;
  auto left_out = LeftOutInReadme(ReadFile(out_ + "/README.md"));
  ASSERT_GT(left_out.size(), 4u);
  for (const auto& address : left_out)
    EXPECT_NE(render.err.find("  " + address + ": "), std::string::npos) << address;
  for (const char* cluster : kClusters) {
    auto r = ApplyFolder(cluster, out_ + "/" + cluster);
    ASSERT_EQ(r.exit_code, 0) << cluster << ":\n" << r.out << r.err;
  }
  std::set<std::string> creates;
  for (const auto& c : Changed(PlanJson())) {
    if (c["type"] != "object") continue;
    EXPECT_EQ(c["action"], "create") << "render and apply disagree on " << c.dump();
    creates.insert(c["address"].get<std::string>());
  }
  EXPECT_EQ(creates, left_out);
  auto apply = Apply();
  ASSERT_EQ(apply.exit_code, 0) << apply.out << apply.err;
  auto after = Plan("--detailed-exitcode");
  EXPECT_EQ(after.exit_code, 0) << after.out << after.err;
}

}  // namespace
}  // namespace meshform::testing
