// Renderer output, normalised (resources/manifest_normalization.h), diffs clean against what a
// real v1.20 API server stored after meshform's server-side apply of it. The live objects in
// testdata/ were captured from a local v1.20.2 kube-apiserver (GET of each object after
// `kubectl apply --server-side --field-manager=meshform` of the normalised object); the rendered
// ones (testdata/rendered-v1.20.json) are what tools/istio-renderer prints, ports without
// `protocol` as Istio's charts print them. Each normalisation row has a test, with the control
// that without the row the plan would not be clean (or the apply would fail); the kinds Istio
// 1.7 prints in older API versions (v1beta1 webhooks, policy/v1beta1 PDB, autoscaling/v2beta1
// HPA, an EnvoyFilter) are shown clean with the server's defaults.
#include <gtest/gtest.h>

#include <fstream>

#include "engine/ssa/object_diff.h"
#include "resources/manifest_normalization.h"

namespace meshform::ssa {
namespace {

using json = nlohmann::json;

json Testdata(const std::string& name) {
  std::ifstream in(std::string(MESHFORM_SOURCE_DIR) + "/tests/unit/ssa/testdata/" + name);
  return json::parse(in);
}

json Rendered(const std::string& name) { return Testdata("rendered-v1.20.json").at(name); }

json Normalized(json object) {
  std::vector<resources::ManifestDocument> docs = {{std::move(object), 1, 1}};
  resources::NormalizeManifests(
      docs, {"renderer \"istio-renderer\" for cluster beijing", "istio-system"});
  return docs[0].object;
}

std::string Paths(const ObjectDiff& diff) {
  std::string out;
  for (const auto& c : diff.changes) out += ToString(c.path) + " ";
  return out;
}

TEST(NormalizedDiff, ServicePortsWithoutProtocolAreCleanAfterApply) {
  // Row service-port-protocol. Without it the v1.20 server refuses the apply (HTTP 500, "omits
  // key field \"protocol\" (and doesn't have default value)", seen while capturing); the
  // diff would also never match the stored (port, TCP) items.
  json live = Testdata("service-noprotocol-live.json");
  json rendered = Rendered("service");
  ASSERT_FALSE(rendered["spec"]["ports"][0].contains("protocol"));
  json desired = Normalized(rendered);
  EXPECT_EQ(desired["spec"]["ports"][0]["protocol"], "TCP");
  EXPECT_EQ(desired["spec"]["ports"][1]["protocol"], "TCP");
  auto diff = DiffObject(desired, live);
  EXPECT_TRUE(diff.empty()) << Paths(diff);
  EXPECT_TRUE(diff.conflicts.empty());
  EXPECT_FALSE(DiffObject(rendered, live).empty()) << "the control: unnormalised output churns";
}

TEST(NormalizedDiff, ContainerAndInitContainerPortsAreCleanAfterApply) {
  // Row container-port-protocol. v1.20 accepts container ports without protocol (it stores
  // TCP), but the stored items are keyed (containerPort, TCP): unnormalised, every plan would
  // show the ports as changed.
  json live = Testdata("deployment-ports-live.json");
  json rendered = Rendered("deployment");
  json desired = Normalized(rendered);
  EXPECT_EQ(desired["spec"]["template"]["spec"]["initContainers"][0]["ports"][0]["protocol"],
            "TCP");
  auto diff = DiffObject(desired, live);
  EXPECT_TRUE(diff.empty()) << Paths(diff);
  EXPECT_FALSE(DiffObject(rendered, live).empty()) << "the control: unnormalised output churns";
}

TEST(NormalizedDiff, AnObjectWithoutNamespaceTakesTheRenderersAndIsCleanAfterApply) {
  // Row namespace: a policy/v1beta1 PodDisruptionBudget printed without metadata.namespace.
  json live = Testdata("pdb-v1beta1-live.json");
  json rendered = Rendered("pdb");
  rendered["metadata"].erase("namespace");
  json desired = Normalized(rendered);
  EXPECT_EQ(desired["metadata"]["namespace"], "istio-system");
  auto diff = DiffObject(desired, live);
  EXPECT_TRUE(diff.empty()) << Paths(diff);
}

TEST(NormalizedDiff, StatusPrintedWithTheObjectIsDroppedAndCleanAfterApply) {
  // Row status: an EnvoyFilter (custom resource of the render's own CRD) printed with a status.
  json live = Testdata("envoyfilter-live.json");
  json rendered = Rendered("envoyfilter");
  rendered["status"] = {{"validationMessages", json::array({"stale"})}};
  json desired = Normalized(rendered);
  EXPECT_FALSE(desired.contains("status"));
  auto diff = DiffObject(desired, live);
  EXPECT_TRUE(diff.empty()) << Paths(diff);
}

// The older API versions Istio 1.7 prints, as the v1.20 server stores them with its defaults
// (matchPolicy, namespaceSelector, objectSelector, rules[].scope; HPA conversion through
// autoscaling/v1 with the controller-manager's annotations): no normalisation needed, and none
// changes them.
TEST(NormalizedDiff, IstioOldApiVersionsAreCleanAfterApply) {
  for (const auto& [name, file] : std::vector<std::pair<std::string, std::string>>{
           {"mutating", "mutatingwebhook-v1beta1-live.json"},
           {"validating", "validatingwebhook-v1beta1-live.json"},
           {"hpa", "hpa-v2beta1-live.json"},
           {"pdb", "pdb-v1beta1-live.json"}}) {
    json rendered = Rendered(name);
    json desired = Normalized(rendered);
    EXPECT_EQ(desired, rendered) << name;
    auto diff = DiffObject(desired, Testdata(file));
    EXPECT_TRUE(diff.empty()) << name << ": " << Paths(diff);
  }
}

}  // namespace
}  // namespace meshform::ssa
