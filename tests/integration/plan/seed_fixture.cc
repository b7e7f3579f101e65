#include "tests/integration/plan/seed_fixture.h"

#include <unistd.h>

namespace meshform::testing {

void SeedTopology::SetUp() {
  dir_ = MakeTempDir("meshform-seed");
  file_ = dir_ + "/topology.yaml";
  name_ = "seed-" + std::to_string(getpid());
  Write(SeedText());
}

void SeedTopology::TearDown() {
  auto r = Meshform("destroy -f " + file_ + " -auto-approve");
  EXPECT_EQ(r.exit_code, 0) << "destroy after the test failed:\n" << r.out << r.err;
}

std::string SeedTopology::SeedText() const {
  std::string text =
      ReadFile(std::string(MESHFORM_SOURCE_DIR) + "/examples/seed-two-networks/topology.yaml");
  auto replace = [&](const std::string& from, const std::string& to) {
    auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("seed example lacks '" + from + "'");
    text.replace(at, from.size(), to);
  };
  replace("name: helloworld-federation", "name: " + name_);
  replace("[../../tools/istio-renderer]",
          "[" + std::string(MESHFORM_SOURCE_DIR) + "/tools/istio-renderer]");
  return text;
}

void SeedTopology::Write(const std::string& text) { WriteFile(file_, text); }

CommandResult SeedTopology::Plan(const std::string& extra) {
  return Meshform("plan -f " + file_ + " " + extra);
}

nlohmann::json SeedTopology::PlanJson(const std::string& extra) {
  auto r = Plan("-o json " + extra);
  if (r.exit_code != 0) throw std::runtime_error("plan failed: " + r.err);
  return nlohmann::json::parse(r.out);
}

CommandResult SeedTopology::Apply(const std::string& extra) {
  return Meshform("apply -f " + file_ + " -auto-approve " + extra);
}

std::vector<nlohmann::json> Changed(const nlohmann::json& plan) {
  std::vector<nlohmann::json> out;
  for (const auto& c : plan.at("changes")) {
    if (c.at("action") != "no-op") out.push_back(c);
  }
  return out;
}

}  // namespace meshform::testing
