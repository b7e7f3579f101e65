// Field sets: parsing fieldsV1 and deriving what an apply of an object would own.
#include "engine/ssa/field_set.h"

#include <gtest/gtest.h>

namespace meshform::ssa {
namespace {

using json = nlohmann::json;

Path P(std::initializer_list<PathElement> e) { return Path(e); }
PathElement F(const char* n) { return PathElement::Field(n); }

TEST(FieldSet, ParsesFieldsV1WithDotMarkers) {
  auto set = FieldSet::FromFieldsV1(json::parse(R"({
    "f:metadata": {"f:labels": {".": {}, "f:app": {}}},
    "f:spec": {"f:replicas": {}}})"));
  EXPECT_TRUE(set.Owns(P({F("spec"), F("replicas")})));
  EXPECT_TRUE(set.Owns(P({F("metadata"), F("labels")})));  // "." marks the map itself
  EXPECT_TRUE(set.Owns(P({F("metadata"), F("labels"), F("app")})));
  EXPECT_FALSE(set.Owns(P({F("metadata")})));
  EXPECT_FALSE(set.Owns(P({F("spec"), F("paused")})));
  EXPECT_EQ(set.Leaves().size(), 2u);
}

TEST(FieldSet, OwningAnAtomicValueCoversEverythingBelowIt) {
  auto set = FieldSet::FromFieldsV1(json::parse(R"({"f:rules": {}})"));
  EXPECT_TRUE(set.Owns(P({F("rules"), PathElement::Index(0), F("verbs")})));
}

TEST(FieldSet, FromObjectKeysContainersByNameAndPortsByPortAndProtocol) {
  auto deployment = json::parse(R"({
    "apiVersion": "apps/v1", "kind": "Deployment",
    "metadata": {"name": "web", "namespace": "sample"},
    "spec": {"template": {"spec": {"containers": [
      {"name": "web", "image": "nginx", "ports": [{"containerPort": 80}]}]}}}})");
  auto set = FieldSet::FromObject(deployment);
  Path image = {
      F("spec"), F("template"), F("spec"), F("containers"), PathElement::Key({{"name", "web"}}),
      F("image")};
  EXPECT_TRUE(set.Owns(image));
  Path port = {F("spec"),
               F("template"),
               F("spec"),
               F("containers"),
               PathElement::Key({{"name", "web"}}),
               F("ports"),
               PathElement::Key({{"containerPort", 80}, {"protocol", "TCP"}})};
  EXPECT_TRUE(set.Contains(port)) << "ports are keyed by containerPort and the defaulted protocol";
}

TEST(FieldSet, CustomResourceListsAreAtomic) {
  auto gateway = json::parse(R"({
    "apiVersion": "networking.istio.io/v1alpha3", "kind": "Gateway",
    "spec": {"servers": [{"port": {"number": 443}}]}})");
  auto set = FieldSet::FromObject(gateway);
  EXPECT_TRUE(set.Owns(P({F("spec"), F("servers")})));
  EXPECT_EQ(set.Leaves().size(), 3u);  // apiVersion, kind, spec.servers
}

TEST(FieldSet, FinalizersAreASet) {
  auto obj = json::parse(R"({"apiVersion": "v1", "kind": "ConfigMap",
    "metadata": {"finalizers": ["a", "b"]}})");
  auto set = FieldSet::FromObject(obj);
  EXPECT_TRUE(set.Owns(P({F("metadata"), F("finalizers"), PathElement::Value("b")})));
}

}  // namespace
}  // namespace meshform::ssa
