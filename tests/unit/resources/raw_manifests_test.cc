// Raw manifests: inline and file documents become objects in their cluster with dependsOn and
// the manifest's location; a document without a name is an error located at the manifest; ports
// without protocol get TCP; an object written twice names both documents.
#include "resources/raw_manifests.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/util/error.h"
#include "tests/unit/resources/test_topology.h"

namespace meshform::resources {
namespace {

using testing::Find;

TEST(RawManifests, InlineDocumentsBecomeObjects) {
  auto t = testing::SeedTopology();
  topology::RawManifest m;
  m.cluster = "shanghai";
  m.inline_yaml = {
      R"({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c", "namespace": "sample"}})"};
  m.depends_on = {"beijing/v1/Namespace/sample"};
  m.location = {"topology.yaml", 70, 5};
  t.manifests = {m};
  ResourceSet set;
  CompileRawManifests(t, set);
  const auto& r = Find(set, "shanghai/v1/ConfigMap/sample/c");
  EXPECT_EQ(r.depends_on, m.depends_on);
  EXPECT_EQ(r.origin.line, 70);
  EXPECT_EQ(r.object["metadata"]["labels"]["app.kubernetes.io/managed-by"], "meshform");
}

TEST(RawManifests, FileIsReadRelativeToTheTopology) {
  auto dir = std::filesystem::temp_directory_path() / ("raw-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "extra.yaml") << "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n"
                                       "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n";
  auto t = testing::SeedTopology();
  t.source_file = (dir / "topology.yaml").string();
  topology::RawManifest m;
  m.cluster = "beijing";
  m.file = "extra.yaml";
  t.manifests = {m};
  ResourceSet set;
  CompileRawManifests(t, set);
  EXPECT_EQ(set.size(), 2u);
  std::filesystem::remove_all(dir);
}

TEST(RawManifests, DocumentWithoutNameIsLocatedError) {
  auto t = testing::SeedTopology();
  topology::RawManifest m;
  m.cluster = "beijing";
  m.inline_yaml = {R"({"apiVersion": "v1", "kind": "ConfigMap"})"};
  m.location = {"topology.yaml", 71, 5};
  t.manifests = {m};
  ResourceSet set;
  try {
    CompileRawManifests(t, set);
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "topology.yaml:71:5: manifests[0]: a document (line 1) has no apiVersion, kind "
                 "or metadata.name");
  }
}

TEST(RawManifests, PortsWithoutProtocolGetTcpAndNamespacesStayUnset) {
  auto t = testing::SeedTopology();
  topology::RawManifest m;
  m.cluster = "beijing";
  m.inline_yaml = {
      "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n"};
  t.manifests = {m};
  ResourceSet set;
  CompileRawManifests(t, set);
  const auto& r = Find(set, "beijing/v1/Service/s");
  EXPECT_EQ(r.object["spec"]["ports"][0]["protocol"], "TCP");
}

TEST(RawManifests, AnObjectWrittenTwiceNamesBothDocuments) {
  auto t = testing::SeedTopology();
  topology::RawManifest m;
  m.cluster = "beijing";
  m.inline_yaml = {
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: sample}\n---\n"
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: sample}\n"};
  m.location = {"topology.yaml", 72, 5};
  t.manifests = {m};
  ResourceSet set;
  try {
    CompileRawManifests(t, set);
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "topology.yaml:72:5: manifests[0]: inline YAML: v1 ConfigMap sample/c is printed "
                 "twice: document 1 (line 1) and document 2 (line 5)");
  }
  EXPECT_TRUE(set.empty());
}

}  // namespace
}  // namespace meshform::resources
