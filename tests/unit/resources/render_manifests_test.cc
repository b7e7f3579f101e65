// render: only objects known in full and holding no secret are written, one kustomization per
// cluster listing them in apply order; every left-out object is in README.md with its reason;
// objects needing a value read from a left-out object are left out, saying so.
#include "resources/render_manifests.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "resources/compile.h"
#include "resources/graph_nodes.h"
#include "resources/placeholder.h"
#include "resources/yaml_json.h"
#include "tests/unit/resources/test_topology.h"

namespace meshform::resources {
namespace {

Rendered RenderSeedWithRawSecret() {
  testing::FakeRenderer fake;
  auto t = testing::SeedTopology();
  topology::RawManifest m;
  m.cluster = "beijing";
  m.inline_yaml = {
      R"({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s", "namespace": "sample"},
                       "stringData": {"password": "hunter2"}})"};
  t.manifests = {m};
  ResourceSet set = Compile(t, fake);
  return RenderManifests(set, BuildGraph(set), {t.name, "topology.yaml"});
}

const RenderedFile* FindFile(const Rendered& r, const std::string& path) {
  for (const auto& f : r.files)
    if (f.path == path) return &f;
  return nullptr;
}

bool LeftOutHas(const Rendered& r, const std::string& address) {
  for (const auto& l : r.left_out)
    if (l.address == address) return true;
  return false;
}

TEST(RenderManifests, OutputHoldsNoPlaceholderAndNoSecret) {
  auto r = RenderSeedWithRawSecret();
  for (const auto& f : r.files) {
    for (const char* banned : {"hunter2", "(sensitive)", "(known after apply", "$generated",
                               "${value}", "PRIVATE KEY", "kind: Secret"}) {
      EXPECT_EQ(f.text.find(banned), std::string::npos) << f.path << " holds " << banned;
    }
  }
  EXPECT_TRUE(LeftOutHas(r, "beijing/v1/Secret/sample/s"));
  EXPECT_TRUE(LeftOutHas(r, "shanghai/v1/Secret/istio-system/cacerts"));
  EXPECT_TRUE(LeftOutHas(r, "beijing/v1/Secret/istio-system/istio-remote-secret-shanghai"));
}

TEST(RenderManifests, ReadmeAndTargetCommandListEveryLeftOutAddress) {
  auto r = RenderSeedWithRawSecret();
  const RenderedFile* readme = FindFile(r, "README.md");
  ASSERT_NE(readme, nullptr);
  ASSERT_GT(r.left_out.size(), 4u);
  for (const auto& l : r.left_out) {
    EXPECT_FALSE(l.reason.empty()) << l.address;
    EXPECT_NE(readme->text.find("| `" + l.address + "` | " + l.reason + " |"), std::string::npos)
        << l.address;
    std::string target = "--target " + l.address;
    bool listed = readme->text.find(target + " \\\n") != std::string::npos ||
                  readme->text.find(target + "\n") != std::string::npos;
    EXPECT_TRUE(listed) << l.address;
  }
  EXPECT_NE(readme->text.find("meshform apply -f topology.yaml"), std::string::npos);
  // meshform's own state is left to meshform: the inventory names every object.
  bool inventory = false;
  for (const auto& l : r.left_out)
    if (l.address.find("/ConfigMap/meshform-system/meshform-inventory-") != std::string::npos)
      inventory = true;
  EXPECT_TRUE(inventory);
}

// Every cluster folder's kustomization lists exactly its object files, numbered in apply order,
// and every file is one object that is not left out.
TEST(RenderManifests, KustomizationListsEveryFileInApplyOrder) {
  auto r = RenderSeedWithRawSecret();
  EXPECT_EQ(r.clusters, (std::vector<std::string>{"beijing", "shanghai"}));
  std::map<std::string, std::vector<std::string>> objects;
  for (const auto& f : r.files) {
    auto slash = f.path.find('/');
    if (slash == std::string::npos || f.path.ends_with("/kustomization.yaml")) continue;
    objects[f.path.substr(0, slash)].push_back(f.path.substr(slash + 1));
    auto docs = ParseYamlDocuments(f.text, f.path);
    ASSERT_EQ(docs.size(), 1u) << f.path;
    EXPECT_TRUE(FindPlaceholders(docs[0].value).empty()) << f.path;
    EXPECT_FALSE(LeftOutHas(r, ObjectAddress(f.path.substr(0, slash), docs[0].value))) << f.path;
  }
  for (const auto& cluster : r.clusters) {
    const RenderedFile* k = FindFile(r, cluster + "/kustomization.yaml");
    ASSERT_NE(k, nullptr) << cluster;
    EXPECT_EQ(k->text.rfind(kRenderHeader, 0), 0u);
    json doc = ParseYamlDocuments(k->text, "kustomization.yaml").at(0).value;
    EXPECT_EQ(doc["kind"], "Kustomization");
    EXPECT_EQ(doc["sortOptions"]["order"], "fifo");
    EXPECT_EQ(doc["resources"].get<std::vector<std::string>>(), objects[cluster]) << cluster;
    ASSERT_FALSE(objects[cluster].empty());
    EXPECT_TRUE(objects[cluster][0].starts_with("0000-")) << objects[cluster][0];
    for (size_t i = 1; i < objects[cluster].size(); ++i)
      EXPECT_LT(objects[cluster][i - 1], objects[cluster][i]);
  }
  // Dependencies first: the namespace istio-system before the gateway Service in it.
  auto& shanghai = objects["shanghai"];
  auto at = [&](const std::string& part) {
    for (size_t i = 0; i < shanghai.size(); ++i)
      if (shanghai[i].find(part) != std::string::npos) return i;
    ADD_FAILURE() << part;
    return size_t{0};
  };
  EXPECT_LT(at("-namespace-istio-system.yaml"), at("-service-istio-system-"));
}

// A: a Secret (left out); V: a value read from A; B: an object holding V; C: an object that
// depends on A only for ordering (kept); D: depends on V without a placeholder (left out).
TEST(RenderSelection, AnObjectNeedingAValueOfALeftOutObjectIsLeftOutSayingSo) {
  topology::Location here;
  ResourceSet set;
  set.push_back(MakeObject(
      "c1",
      {{"apiVersion", "v1"}, {"kind", "Secret"}, {"metadata", {{"name", "a"}, {"namespace", "n"}}}},
      "t", here));
  Resource v = MakeValue("token/c1/n/sa", "c1", {"service-account-token", {}}, true, here);
  DependOn(v, set[0].address);
  set.push_back(v);
  json b = {{"apiVersion", "v1"},
            {"kind", "ConfigMap"},
            {"metadata", {{"name", "b"}, {"namespace", "n"}}},
            {"data", {{"x", MakePlaceholder("token/c1/n/sa", "ca.crt")}}}};
  set.push_back(MakeObject("c1", b, "t", here));
  DependOn(set.back(), "token/c1/n/sa");
  json c = {{"apiVersion", "v1"},
            {"kind", "ConfigMap"},
            {"metadata", {{"name", "c"}, {"namespace", "n"}}}};
  set.push_back(MakeObject("c1", c, "t", here));
  DependOn(set.back(), set[0].address);
  json d = {{"apiVersion", "v1"},
            {"kind", "ConfigMap"},
            {"metadata", {{"name", "d"}, {"namespace", "n"}}}};
  set.push_back(MakeObject("c1", d, "t", here));
  DependOn(set.back(), "token/c1/n/sa");
  Normalize(set);
  auto selection = SelectForRender(set, BuildGraph(set));
  std::map<std::string, std::string> reasons;
  for (const auto& l : selection.left_out) reasons[l.address] = l.reason;
  ASSERT_EQ(reasons.size(), 3u);
  EXPECT_NE(reasons["c1/v1/Secret/n/a"].find("Secret"), std::string::npos);
  for (const char* address : {"c1/v1/ConfigMap/n/b", "c1/v1/ConfigMap/n/d"}) {
    EXPECT_NE(reasons[address].find("known only after apply: token/c1/n/sa"), std::string::npos)
        << reasons[address];
    EXPECT_NE(reasons[address].find("read from left-out c1/v1/Secret/n/a"), std::string::npos)
        << reasons[address];
  }
  ASSERT_EQ(selection.kept.size(), 1u);
  EXPECT_EQ(set[selection.kept[0]].address, "c1/v1/ConfigMap/n/c");
  EXPECT_EQ(selection.values.size(), 1u);
}

}  // namespace
}  // namespace meshform::resources
