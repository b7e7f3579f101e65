// The bad-graph corpus: every tests/unit/graph/bad/*.yaml topology loads, but building its graph
// fails with exactly the lines listed in its "# expect: " header comments (file paths relative
// to the corpus folder). Renderer: a fake printing nothing, so the corpus is about the graph.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/graph/graph.h"
#include "engine/topology/loader.h"
#include "engine/util/subprocess.h"
#include "resources/compile.h"
#include "resources/graph_nodes.h"

namespace meshform {
namespace {

namespace fs = std::filesystem;

class EmptyRenderer : public util::ProcessRunner {
 public:
  util::ProcessResult Run(const util::ProcessRequest&) override { return {}; }
};

std::vector<std::string> ExpectedLines(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  const std::string prefix = "# expect: ";
  for (std::string line; std::getline(in, line);)
    if (line.rfind(prefix, 0) == 0) lines.push_back(line.substr(prefix.size()));
  return lines;
}

std::vector<std::string> ActualLines(const fs::path& file) {
  topology::Topology t = topology::LoadTopologyFile(file.string());
  EmptyRenderer renderer;
  try {
    resources::BuildGraph(resources::Compile(t, renderer));
  } catch (const graph::GraphError& e) {
    std::vector<std::string> lines = e.lines();
    std::string folder = file.parent_path().string() + "/";
    for (auto& l : lines)
      for (size_t at; (at = l.find(folder)) != std::string::npos;) l.erase(at, folder.size());
    return lines;
  }
  return {};
}

TEST(BadGraphCorpus, EveryFileFailsWithItsExpectedLines) {
  fs::path dir = fs::path(MESHFORM_SOURCE_DIR) / "tests/unit/graph/bad";
  int count = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".yaml") continue;
    ++count;
    auto expected = ExpectedLines(entry.path());
    ASSERT_FALSE(expected.empty()) << entry.path() << " has no '# expect: ' line";
    EXPECT_EQ(ActualLines(entry.path()), expected) << entry.path();
  }
  EXPECT_GE(count, 3);
}

}  // namespace
}  // namespace meshform
