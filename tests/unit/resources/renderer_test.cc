// The renderer: the --set interface it is given per cluster (primary with meshNetworks, remote
// with the pilot marker), the marker becoming a placeholder, failures reported with the
// topology location, a hung renderer killed after mesh.renderer.timeoutSeconds, and
// control-plane objects becoming resources (meshform's own form wins), and bad output (invalid
// YAML, an object printed twice, an unknown kind) failing compile with the renderer, the cluster
// and the object named, while a namespaced object without a namespace gets istio-system.
#include "resources/renderer.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "engine/util/error.h"
#include "resources/compile.h"
#include "resources/control_plane.h"
#include "resources/placeholder.h"
#include "tests/unit/resources/test_topology.h"

namespace meshform::resources {
namespace {

using testing::Find;

bool HasSet(const std::vector<std::string>& argv, const std::string& kv) {
  for (size_t i = 0; i + 1 < argv.size(); ++i)
    if (argv[i] == "--set" && argv[i + 1] == kv) return true;
  return false;
}

TEST(Renderer, PrimaryGetsMeshNetworks) {
  auto t = testing::SeedTopology();
  auto argv = RendererArgv(t, t.clusters[0]);
  EXPECT_EQ(argv[0], "istio-renderer");
  EXPECT_TRUE(HasSet(argv, "profile=default"));
  EXPECT_TRUE(HasSet(argv, "revision=1-7-2"));
  EXPECT_TRUE(HasSet(argv, "values.global.multiCluster.clusterName=beijing"));
  EXPECT_TRUE(HasSet(argv, "values.global.network=network1"));
  EXPECT_TRUE(
      HasSet(argv, "values.global.meshNetworks.network2.endpoints[0].fromRegistry=shanghai"));
  EXPECT_TRUE(HasSet(argv, "values.global.meshNetworks.network2.gateways[0].port=443"));
  EXPECT_FALSE(HasSet(argv, "values.global.remotePilotAddress=192.0.2.1"));
}

TEST(Renderer, RemoteGetsTheProfileAndPilotMarker) {
  auto t = testing::SeedTopology();
  auto argv = RendererArgv(t, t.clusters[1]);
  EXPECT_TRUE(HasSet(argv, "profile=remote"));
  EXPECT_TRUE(HasSet(argv, "values.global.remotePilotAddress=192.0.2.1"));
  EXPECT_TRUE(
      HasSet(argv, "values.istiodRemote.injectionPath=/inject/cluster/shanghai/net/network2"));
}

TEST(Renderer, RelativeCommandResolvesAgainstTheTopologyFolder) {
  auto t = testing::SeedTopology();
  t.mesh.renderer.command = {"../tools/istio-renderer", "x"};
  auto argv = RendererArgv(t, t.clusters[0]);
  EXPECT_EQ(argv[0], "/tools/istio-renderer");
  EXPECT_EQ(argv[1], "x");
}

TEST(Renderer, PilotMarkerBecomesAPlaceholderForThePrimaryGateway) {
  auto t = testing::SeedTopology();
  testing::FakeRenderer fake;
  auto objects = RenderIstio(t, t.clusters[1], fake);
  const json& slice = objects.back();
  auto whole = ParsePlaceholder(slice["endpoints"][0]["addresses"][0]);
  EXPECT_EQ(whole.from, "lb-address/beijing/istio-system/istio-ingressgateway");
  EXPECT_EQ(whole.field, "address");
  auto inside = ParsePlaceholder(slice["metadata2"]["url"]);
  EXPECT_EQ(inside.template_, "https://${value}:15012");
}

TEST(Renderer, FailureNamesTheClusterAndTheTopologyLocation) {
  auto t = testing::SeedTopology();
  testing::FakeRenderer fake;
  fake.exit_code = 3;
  try {
    RenderIstio(t, t.clusters[0], fake);
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(
        e.what(),
        "topology.yaml:22:3: mesh.renderer.command: renderer failed for cluster beijing: "
        "program \"istio-renderer\" exited with status 3: renderer exploded | second line");
  }
}

// Records the request and prints nothing.
class RecordingRunner : public util::ProcessRunner {
 public:
  util::ProcessResult Run(const util::ProcessRequest& request) override {
    seen = request;
    return util::ProcessResult::Exited(0, "", "");
  }
  util::ProcessRequest seen;
};

TEST(Renderer, RunsWithTheTopologysTimeout) {
  auto t = testing::SeedTopology();
  RecordingRunner runner;
  RenderIstio(t, t.clusters[0], runner);
  EXPECT_EQ(runner.seen.timeout, std::chrono::seconds(300)) << "the default";
  t.mesh.renderer.timeout_seconds = 42;
  RenderIstio(t, t.clusters[0], runner);
  EXPECT_EQ(runner.seen.timeout, std::chrono::seconds(42));
}

TEST(Renderer, HungRendererIsKilledAfterTheTimeoutNamingIt) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "meshform-renderer-XXXXXX").string();
  std::string dir = mkdtemp(pattern.data());
  std::string script = dir + "/hung-renderer";
  std::ofstream(script) << "#!/bin/sh\necho rendering >&2\nsleep 30\n";
  std::filesystem::permissions(script, std::filesystem::perms::owner_all);
  auto t = testing::SeedTopology();
  t.mesh.renderer.command = {script};
  t.mesh.renderer.timeout_seconds = 1;
  util::RealProcessRunner runner;
  std::string what;
  try {
    RenderIstio(t, t.clusters[0], runner);
  } catch (const Error& e) {
    what = e.what();
  }
  std::filesystem::remove_all(dir);
  EXPECT_EQ(what,
            "topology.yaml:22:3: mesh.renderer.command: renderer failed for cluster beijing: "
            "program \"" +
                script +
                "\" timed out after 1 s and was killed: rendering "
                "(mesh.renderer.timeoutSeconds allows longer)");
}

TEST(ControlPlane, RenderedObjectsBecomeResourcesAndMeshformsOwnWin) {
  auto t = testing::SeedTopology();
  testing::FakeRenderer fake;
  ResourceSet set;
  Resource own = MakeObject(
      "beijing",
      json{{"apiVersion", "v1"},
           {"kind", "ServiceAccount"},
           {"metadata", {{"name", "istio-reader-service-account"}, {"namespace", "istio-system"}}}},
      t.name, {});
  set.push_back(own);
  CompileControlPlanes(t, fake, set);
  EXPECT_EQ(fake.calls.size(), 2u);
  const auto& sa = Find(set, own.address);
  EXPECT_FALSE(sa.object["metadata"]["labels"].contains("from"));
  EXPECT_EQ(std::count_if(set.begin(), set.end(),
                          [&](const Resource& r) { return r.address == own.address; }),
            1);
  const auto& lb = Find(set, "lb-address/beijing/istio-system/istio-ingressgateway");
  EXPECT_TRUE(testing::DependsOn(lb, "beijing/v1/Service/istio-system/istio-ingressgateway"));
  EXPECT_FALSE(testing::Has(set, "lb-address/shanghai/istio-system/istio-ingressgateway"));
  EXPECT_EQ(Find(set, "shanghai/v1/Service/istio-system/istio-ingressgateway").origin.line, 20);
}

// Prints `out` for every cluster.
class PrintingRunner : public util::ProcessRunner {
 public:
  explicit PrintingRunner(std::string out) : out_(std::move(out)) {}
  util::ProcessResult Run(const util::ProcessRequest&) override {
    return util::ProcessResult::Exited(0, out_, "");
  }

 private:
  std::string out_;
};

std::string RenderError(const std::string& out) {
  auto t = testing::SeedTopology();
  PrintingRunner runner(out);
  try {
    RenderIstio(t, t.clusters[0], runner);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

const char* kPrefix =
    "topology.yaml:22:3: mesh.renderer.command: renderer \"istio-renderer\" for cluster beijing";

TEST(RendererOutput, InvalidYamlNamesTheRendererAndTheCluster) {
  std::string what = RenderError("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [x\n");
  EXPECT_EQ(
      what.rfind(std::string(kPrefix) + " printed invalid YAML: renderer output for beijing:", 0),
      0u)
      << what;
}

TEST(RendererOutput, AnObjectPrintedTwiceNamesBothDocuments) {
  EXPECT_EQ(RenderError("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: istiod, "
                        "namespace: istio-system}\n---\napiVersion: v1\nkind: ServiceAccount\n"
                        "metadata: {name: istiod}\n"),
            std::string(kPrefix) +
                ": v1 ServiceAccount istio-system/istiod is printed twice: document 1 (line 1) "
                "and document 2 (line 5)");
}

TEST(RendererOutput, AnUnknownKindNamesTheObject) {
  EXPECT_EQ(RenderError("apiVersion: v1\nkind: Servic\nmetadata: {name: istiod, namespace: "
                        "istio-system}\n"),
            std::string(kPrefix) +
                ": document 1 (line 1): v1 Servic istio-system/istiod: unknown kind Servic in "
                "API group core (v1)");
}

TEST(RendererOutput, ANamespacedObjectWithoutNamespaceGoesToIstioSystem) {
  auto t = testing::SeedTopology();
  PrintingRunner runner(
      "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: {name: istiod}\n"
      "spec: {minAvailable: 1}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: istiod}\n"
      "spec: {ports: [{port: 15012}]}\n");
  ResourceSet set;
  CompileControlPlanes(t, runner, set);
  EXPECT_TRUE(testing::Has(set, "beijing/policy/v1beta1/PodDisruptionBudget/istio-system/istiod"));
  const auto& service = Find(set, "shanghai/v1/Service/istio-system/istiod");
  EXPECT_EQ(service.object["spec"]["ports"][0]["protocol"], "TCP");
}

TEST(RendererOutput, BadOutputFailsTheWholeCompileSoNothingIsPlanned) {
  auto t = testing::SeedTopology();
  PrintingRunner runner("apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: istiod}\n");
  try {
    Compile(t, runner);
    FAIL() << "compiled";
  } catch (const CompileError& e) {
    ASSERT_EQ(e.problems().size(), 2u) << e.what();  // one per cluster
    EXPECT_NE(e.problems()[0].find("renderer \"istio-renderer\" for cluster beijing: document 1 "
                                   "(line 1): apps/v1 Deploymnet istiod: unknown kind"),
              std::string::npos)
        << e.problems()[0];
  }
}

}  // namespace
}  // namespace meshform::resources
