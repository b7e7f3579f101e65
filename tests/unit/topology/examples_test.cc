// Proves that the example topologies load, and that the model holds what they declare,
// including the defaults the loader fills in (roles, federation host, resolved paths).
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/topology/loader.h"

namespace meshform::topology {
namespace {

const std::string kExamples = MESHFORM_SOURCE_DIR "/examples/";
const std::string kRenderer = MESHFORM_SOURCE_DIR "/tools/istio-renderer";

TEST(TopologySeedExample, LoadsTheSeedScenario) {
  Topology t = LoadTopologyFile(kExamples + "seed-two-networks/topology.yaml");
  EXPECT_EQ(t.name, "helloworld-federation");
  ASSERT_EQ(t.clusters.size(), 2u);
  EXPECT_EQ(t.clusters[0].name, "beijing");
  EXPECT_EQ(t.clusters[0].context, "beijing");
  EXPECT_EQ(t.clusters[0].region, "cn-north-1");
  EXPECT_EQ(t.clusters[0].network, "network1");
  EXPECT_EQ(t.clusters[0].role, ClusterRole::kPrimary);
  EXPECT_EQ(t.clusters[1].name, "shanghai");
  EXPECT_EQ(t.clusters[1].region, "cn-east-1");
  EXPECT_EQ(t.clusters[1].network, "network2");
  EXPECT_EQ(t.clusters[1].role, ClusterRole::kRemote);
  EXPECT_EQ(t.clusters[1].location.line, 17);
  EXPECT_EQ(t.clusters[1].location.column, 5);
  ASSERT_EQ(t.networks.size(), 2u);
  EXPECT_EQ(t.networks[0].gateway_port, 443);
  EXPECT_EQ(t.networks[1].gateway_port, 443);
  EXPECT_TRUE(t.ca.root.generate);
  EXPECT_EQ(t.ca.root.common_name, "mesh root CA");
  EXPECT_EQ(t.ca.root.validity_days, 3650);
  EXPECT_EQ(t.ca.intermediate.validity_days, 365);
  EXPECT_EQ(t.mesh.id, "mesh1");
  EXPECT_EQ(t.mesh.control_plane.mode, ControlPlaneMode::kPrimaryRemote);
  EXPECT_EQ(t.mesh.control_plane.cluster, "beijing");
  EXPECT_EQ(t.mesh.control_plane.revision, "1-7-2");
  EXPECT_EQ(t.mesh.renderer.command, std::vector<std::string>{kRenderer});
  EXPECT_EQ(t.federation.type, FederationType::kKubefed);
  EXPECT_EQ(t.federation.host, "beijing");
  EXPECT_EQ(t.federation.namespace_, "kube-federation-system");
}

TEST(TopologySeedExample, HoldsTheHelloworldAndSleepWorkloads) {
  Topology t = LoadTopologyFile(kExamples + "seed-two-networks/topology.yaml");
  ASSERT_EQ(t.workloads.size(), 2u);
  const Workload& hello = t.workloads[0];
  EXPECT_EQ(hello.name, "helloworld");
  EXPECT_EQ(hello.namespace_, "sample");
  EXPECT_TRUE(hello.sidecar_injection);
  EXPECT_EQ(hello.placement, (std::vector<std::string>{"beijing", "shanghai"}));
  EXPECT_EQ(hello.image, "docker.io/istio/examples-helloworld-v1");
  EXPECT_EQ(hello.labels, (std::map<std::string, std::string>{{"version", "v1"}}));
  ASSERT_EQ(hello.ports.size(), 1u);
  EXPECT_EQ(hello.ports[0].name, "http");
  EXPECT_EQ(hello.ports[0].port, 5000);
  EXPECT_EQ(hello.ports[0].target_port, 0);
  EXPECT_EQ(hello.ports[0].protocol, "TCP");
  ASSERT_EQ(hello.overrides.count("shanghai"), 1u);
  const WorkloadOverride& o = hello.overrides.at("shanghai");
  EXPECT_EQ(o.image, "docker.io/istio/examples-helloworld-v2");
  EXPECT_EQ(o.labels, (std::map<std::string, std::string>{{"version", "v2"}}));
  EXPECT_FALSE(o.replicas.has_value());
  const Workload& sleep = t.workloads[1];
  EXPECT_EQ(sleep.image, "curlimages/curl");
  EXPECT_EQ(sleep.command, (std::vector<std::string>{"/bin/sleep", "3650d"}));
  EXPECT_TRUE(sleep.ports.empty());
  EXPECT_EQ(sleep.replicas, 1);
}

TEST(TopologyMultiPrimaryExample, AllThreeClustersArePrimary) {
  Topology t = LoadTopologyFile(kExamples + "multi-primary/topology.yaml");
  EXPECT_EQ(t.mesh.control_plane.mode, ControlPlaneMode::kMultiPrimary);
  EXPECT_TRUE(t.mesh.control_plane.cluster.empty());
  ASSERT_EQ(t.clusters.size(), 3u);
  for (const auto& c : t.clusters) EXPECT_EQ(c.role, ClusterRole::kPrimary) << c.name;
  EXPECT_EQ(t.clusters[2].name, "guangzhou");
  EXPECT_EQ(t.networks[0].gateway_port, 15443);
  EXPECT_EQ(t.workloads[0].overrides.at("guangzhou").replicas, 2);
}

TEST(TopologyDirectExample, UsesDirectFederationHostedOnTheControlPlane) {
  Topology t = LoadTopologyFile(kExamples + "direct/topology.yaml");
  EXPECT_EQ(t.federation.type, FederationType::kDirect);
  EXPECT_EQ(t.federation.host, "beijing");
  EXPECT_EQ(t.workloads.size(), 2u);
}

TEST(TopologyKarmadaExample, UsesKarmadaHostedOnBeijing) {
  Topology t = LoadTopologyFile(kExamples + "karmada/topology.yaml");
  EXPECT_EQ(t.federation.type, FederationType::kKarmada);
  EXPECT_EQ(t.federation.host, "beijing");
  EXPECT_EQ(t.federation.namespace_, "karmada-system");
  ASSERT_EQ(t.workloads.size(), 2u);
  EXPECT_EQ(*t.workloads[0].overrides.at("shanghai").image,
            "docker.io/istio/examples-helloworld-v2");
}

// A small topology written inline, relying on defaults.
const char kMinimal[] = R"(apiVersion: meshform.io/v1alpha1
kind: Topology
metadata: {name: minimal}
clusters:
  - {name: a, context: ctx-a, network: n1}
  - {name: b, context: ctx-b, network: n1}
networks: [{name: n1}]
mesh:
  controlPlane: {cluster: a}
  renderer: {command: [istioctl, manifest, generate]}
)";

TEST(TopologyDefaults, RolesFollowTheControlPlaneAndTheFederationIsDirect) {
  Topology t = LoadTopologyString(kMinimal, "/tmp/minimal.yaml");
  EXPECT_EQ(t.source_file, "/tmp/minimal.yaml");
  EXPECT_EQ(t.clusters[0].role, ClusterRole::kPrimary);
  EXPECT_EQ(t.clusters[1].role, ClusterRole::kRemote);
  EXPECT_EQ(t.networks[0].gateway_port, 15443);
  EXPECT_EQ(t.mesh.id, "mesh1");
  EXPECT_EQ(t.mesh.trust_domain, "cluster.local");
  EXPECT_EQ(t.mesh.renderer.command[0], "istioctl");  // no '/': left for PATH
  EXPECT_EQ(t.mesh.renderer.timeout_seconds, 300);
  EXPECT_EQ(t.federation.type, FederationType::kDirect);
  EXPECT_EQ(t.federation.host, "a");
  EXPECT_TRUE(t.ca.root.generate);
  EXPECT_EQ(t.ca.intermediate.renew_before_days, 30);
}

TEST(TopologyDefaults, RendererTimeoutSecondsIsRead) {
  std::string yaml = kMinimal;
  std::string command = "renderer: {command: [istioctl, manifest, generate]";
  yaml.insert(yaml.find(command) + command.size(), ", timeoutSeconds: 20");
  EXPECT_EQ(LoadTopologyString(yaml, "/tmp/minimal.yaml").mesh.renderer.timeout_seconds, 20);
}

TEST(TopologyManifests, InlineDocumentsAndFilesResolveAgainstTheTopologyFolder) {
  std::string yaml = std::string(kMinimal) + R"(manifests:
  - cluster: b
    documents:
      - {apiVersion: v1, kind: ConfigMap, metadata: {name: x, namespace: sample}, data: {k: v}}
    dependsOn: [b/v1/Namespace/sample]
  - cluster: a
    file: testdata/configmap.yaml
)";
  Topology t = LoadTopologyString(yaml, MESHFORM_SOURCE_DIR "/tests/unit/topology/t.yaml");
  ASSERT_EQ(t.manifests.size(), 2u);
  ASSERT_EQ(t.manifests[0].inline_yaml.size(), 1u);
  EXPECT_NE(t.manifests[0].inline_yaml[0].find("\"ConfigMap\""), std::string::npos);
  EXPECT_EQ(t.manifests[0].depends_on, std::vector<std::string>{"b/v1/Namespace/sample"});
  EXPECT_EQ(t.manifests[1].file,
            MESHFORM_SOURCE_DIR "/tests/unit/topology/testdata/configmap.yaml");
}

TEST(TopologyCaFiles, AMatchingCaCertificateAndKeyLoad) {
  std::string yaml = std::string(kMinimal) + R"(ca:
  root: {certFile: testdata/root-cert.pem, keyFile: testdata/root-key.pem}
)";
  Topology t = LoadTopologyString(yaml, MESHFORM_SOURCE_DIR "/tests/unit/topology/t.yaml");
  EXPECT_FALSE(t.ca.root.generate);
  EXPECT_EQ(t.ca.root.cert_file, MESHFORM_SOURCE_DIR "/tests/unit/topology/testdata/root-cert.pem");
}

}  // namespace
}  // namespace meshform::topology
