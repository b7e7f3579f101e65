// render: files per cluster numbered in apply order, placeholders as visible markers, literal
// Secret values masked, values listed without secrets.
#include "resources/render_manifests.h"

#include <gtest/gtest.h>

#include "resources/compile.h"
#include "resources/graph_nodes.h"
#include "tests/unit/resources/test_topology.h"

namespace meshform::resources {
namespace {

TEST(RenderManifests, MasksLiteralSecretDataAndMarksPlaceholders) {
  testing::FakeRenderer fake;
  auto t = testing::SeedTopology();
  topology::RawManifest m;
  m.cluster = "beijing";
  m.inline_yaml = {
      R"({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s", "namespace": "sample"},
                       "stringData": {"password": "hunter2"}})"};
  t.manifests = {m};
  ResourceSet set = Compile(t, fake);
  auto files = RenderManifests(set, BuildGraph(set));
  std::string all;
  for (const auto& f : files) all += f.path + "\n" + f.text;
  EXPECT_EQ(all.find("hunter2"), std::string::npos);
  EXPECT_NE(all.find("password: (sensitive)"), std::string::npos);
  EXPECT_NE(all.find("(known after apply: ca/intermediate/beijing key)"), std::string::npos);
  EXPECT_EQ(all.find("$generated"), std::string::npos);
}

TEST(RenderManifests, FilesAreNumberedInApplyOrderPerCluster) {
  testing::FakeRenderer fake;
  ResourceSet set = Compile(testing::SeedTopology(), fake);
  auto files = RenderManifests(set, BuildGraph(set));
  EXPECT_EQ(files.back().path, "values.yaml");
  size_t ns = 0, secret = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    if (files[i].path.rfind("shanghai/", 0) != 0) continue;
    if (files[i].path.find("-namespace-istio-system.yaml") != std::string::npos) ns = i;
    if (files[i].path.find("-secret-istio-system-cacerts.yaml") != std::string::npos) secret = i;
  }
  EXPECT_LT(ns, secret);
  EXPECT_EQ(files[0].path.substr(files[0].path.find('/') + 1, 5), "0000-");
}

}  // namespace
}  // namespace meshform::resources
