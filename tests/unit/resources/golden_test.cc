// Golden tests: each example topology, loaded from examples/ and compiled with the real
// tools/istio-renderer, yields exactly the resource set checked in under golden/ (sorted by
// address: address, origin, sensitivity, dependencies, desired object or value, with
// placeholders). The goldens were reviewed against the seed by hand.
// MESHFORM_UPDATE_GOLDEN=1 rewrites them instead of comparing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/topology/loader.h"
#include "engine/util/subprocess.h"
#include "resources/compile.h"
#include "resources/graph_nodes.h"
#include "resources/yaml_json.h"

namespace meshform::resources {
namespace {

namespace fs = std::filesystem;

std::string Describe(const Resource& r) {
  json j = {{"address", r.address}, {"dependsOn", r.depends_on}};
  if (!r.origin.file.empty())
    j["origin"] = fs::path(r.origin.file).filename().string() + ":" +
                  std::to_string(r.origin.line) + ":" + std::to_string(r.origin.column);
  if (r.sensitive) j["sensitive"] = true;
  if (r.is_object())
    j["object"] = r.object;
  else
    j["value"] = {{"type", r.value.type}, {"params", r.value.params}};
  return "---\n" + ToYaml(j);
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The first line where the texts differ, for a readable failure.
std::string FirstDifference(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool ea = !std::getline(a, la), eb = !std::getline(b, lb);
    if (ea && eb) return "";
    if (ea || eb || la != lb)
      return "line " + std::to_string(line) + ":\n  golden: " + la + "\n  actual: " + lb;
  }
}

void CheckGolden(const std::string& example) {
  fs::path source = MESHFORM_SOURCE_DIR;
  topology::Topology t =
      topology::LoadTopologyFile((source / "examples" / example / "topology.yaml").string());
  util::RealProcessRunner runner;
  ResourceSet set = Compile(t, runner);
  ASSERT_NO_THROW(BuildGraph(set));
  std::string text = "# Compiled resources of examples/" + example + " (tests/unit/resources).\n";
  for (const auto& r : set) text += Describe(r);
  fs::path golden = source / "tests/unit/resources/golden" / (example + ".yaml");
  const char* update = std::getenv("MESHFORM_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(golden) << text;
    return;
  }
  std::string want = ReadFile(golden);
  EXPECT_TRUE(want == text) << golden << " differs (MESHFORM_UPDATE_GOLDEN=1 rewrites it), "
                            << FirstDifference(want, text);
}

TEST(Golden, SeedTwoNetworks) { CheckGolden("seed-two-networks"); }
TEST(Golden, MultiPrimary) { CheckGolden("multi-primary"); }
TEST(Golden, Direct) { CheckGolden("direct"); }
TEST(Golden, Karmada) { CheckGolden("karmada"); }

}  // namespace
}  // namespace meshform::resources
