// Proves that each file of the bad-input corpus (tests/unit/topology/bad/) is rejected with
// exactly the diagnostics written in its leading "# expect: file:line:col: field: message"
// lines: no more, no fewer, in file order. Paths are relative to this test's source folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/topology/loader.h"

namespace meshform::topology {
namespace {

namespace fs = std::filesystem;

const char kSourceDir[] = MESHFORM_SOURCE_DIR "/tests/unit/topology";

std::vector<std::string> CorpusFiles() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(fs::path(kSourceDir) / "bad"))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().filename().string());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> ExpectedLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> expected;
  const std::string prefix = "# expect: ";
  for (std::string line; std::getline(in, line) && line.rfind(prefix, 0) == 0;)
    expected.push_back(line.substr(prefix.size()));
  return expected;
}

class TopologyBadCorpusTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { fs::current_path(kSourceDir); }
};

TEST_P(TopologyBadCorpusTest, ReportsExactlyTheExpectedDiagnostics) {
  const std::string path = "bad/" + GetParam();
  std::vector<std::string> expected = ExpectedLines(path);
  ASSERT_FALSE(expected.empty()) << path << " has no '# expect: ' line";
  std::vector<std::string> actual;
  try {
    LoadTopologyFile(path);
  } catch (const LoadError& e) {
    for (const auto& d : e.diagnostics()) actual.push_back(d.ToString());
  }
  EXPECT_EQ(actual, expected) << "what() was:\n"
                              << [&] {
                                   std::string all;
                                   for (const auto& a : actual) all += a + "\n";
                                   return all;
                                 }();
}

INSTANTIATE_TEST_SUITE_P(Files, TopologyBadCorpusTest, ::testing::ValuesIn(CorpusFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(0, info.param.size() - 5);
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

TEST(TopologyBadCorpus, HasAtLeastThirtyFiles) { EXPECT_GE(CorpusFiles().size(), 30u); }

TEST(TopologyLoadError, WhatListsEveryDiagnosticOnItsOwnLine) {
  LoadError error({Diagnostic{Location{"t.yaml", 3, 5}, "clusters[0].name", "bad"},
                   Diagnostic{Location{"t.yaml", 1, 1}, "", "invalid YAML: x"}});
  EXPECT_STREQ(error.what(), "t.yaml:3:5: clusters[0].name: bad\nt.yaml:1:1: invalid YAML: x");
}

TEST(TopologyLoadTopologyFile, UnreadableFileIsALoadError) {
  try {
    LoadTopologyFile("/nonexistent/topology.yaml");
    FAIL() << "no error";
  } catch (const LoadError& e) {
    EXPECT_STREQ(e.what(),
                 "/nonexistent/topology.yaml:1:1: cannot read the topology file: No such file or "
                 "directory");
  }
}

}  // namespace
}  // namespace meshform::topology
