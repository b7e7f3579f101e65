// Test topologies and the fake renderer.
#include "tests/unit/resources/test_topology.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace meshform::resources::testing {

namespace {

topology::Location At(int line) { return {"topology.yaml", line, 3}; }

topology::Workload Helloworld() {
  topology::Workload w;
  w.name = "helloworld";
  w.namespace_ = "sample";
  w.placement = {"beijing", "shanghai"};
  w.image = "docker.io/istio/examples-helloworld-v1";
  w.labels = {{"version", "v1"}};
  w.ports = {{"http", 5000, 0, "TCP"}};
  topology::WorkloadOverride o;
  o.image = "docker.io/istio/examples-helloworld-v2";
  o.labels = {{"version", "v2"}};
  w.overrides["shanghai"] = o;
  w.location = At(40);
  return w;
}

topology::Workload Sleep() {
  topology::Workload w;
  w.name = "sleep";
  w.namespace_ = "sample";
  w.placement = {"beijing", "shanghai"};
  w.image = "curlimages/curl";
  w.command = {"/bin/sleep", "3650d"};
  w.location = At(50);
  return w;
}

}  // namespace

topology::Topology SeedTopology() {
  topology::Topology t;
  t.name = "helloworld-federation";
  t.source_file = "/topo/topology.yaml";
  t.clusters = {
      {"beijing", "ctx-b", "cn-north-1", "network1", topology::ClusterRole::kPrimary, At(5)},
      {"shanghai", "ctx-s", "cn-east-1", "network2", topology::ClusterRole::kRemote, At(6)}};
  t.networks = {{"network1", 443, At(8)}, {"network2", 443, At(9)}};
  t.ca.root.common_name = "mesh root CA";
  t.ca.root.location = At(12);
  t.ca.intermediate.location = At(13);
  t.mesh.control_plane = {topology::ControlPlaneMode::kPrimaryRemote, "beijing", "1-7-2", At(20)};
  t.mesh.renderer.command = {"istio-renderer"};
  t.mesh.renderer.location = At(22);
  t.federation = {topology::FederationType::kKubefed, "beijing", "kube-federation-system", At(30)};
  t.workloads = {Helloworld(), Sleep()};
  return t;
}

topology::Topology DirectTopology() {
  topology::Topology t = SeedTopology();
  t.federation.type = topology::FederationType::kDirect;
  return t;
}

topology::Topology KarmadaTopology() {
  topology::Topology t = SeedTopology();
  t.federation = {topology::FederationType::kKarmada, "beijing", "karmada-system", At(30)};
  return t;
}

topology::Topology MultiPrimaryTopology() {
  topology::Topology t = SeedTopology();
  t.clusters[1].role = topology::ClusterRole::kPrimary;
  t.clusters.push_back(
      {"guangzhou", "ctx-g", "cn-south-1", "network1", topology::ClusterRole::kPrimary, At(7)});
  t.mesh.control_plane.mode = topology::ControlPlaneMode::kMultiPrimary;
  t.mesh.control_plane.cluster = "";
  return t;
}

util::ProcessResult FakeRenderer::Run(const util::ProcessRequest& request) {
  const std::vector<std::string>& argv = request.argv;
  {
    std::lock_guard<std::mutex> lock(calls_mutex);
    calls.push_back(argv);
  }
  if (exit_code != 0)
    return util::ProcessResult::Exited(exit_code, "", "renderer exploded\nsecond line");
  std::string out = R"(
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: gateways.networking.istio.io}
spec: {group: networking.istio.io, names: {kind: Gateway, plural: gateways}, scope: Namespaced}
---
apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: {name: istio-sidecar-injector}
---
apiVersion: v1
kind: Service
metadata: {name: istio-ingressgateway, namespace: istio-system}
spec: {type: LoadBalancer}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: istio-reader-service-account, namespace: istio-system, labels: {from: renderer}}
)";
  bool remote = std::find(argv.begin(), argv.end(), "profile=remote") != argv.end();
  if (remote)
    out += R"(---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: istiod, namespace: istio-system}
endpoints: [{addresses: ["192.0.2.1"]}]
metadata2: {url: "https://192.0.2.1:15012"}
)";
  return util::ProcessResult::Exited(0, out, "");
}

const Resource& Find(const ResourceSet& set, const std::string& address) {
  for (const auto& r : set)
    if (r.address == address) return r;
  ADD_FAILURE() << "no resource " << address;
  static const Resource empty;
  return empty;
}

bool Has(const ResourceSet& set, const std::string& address) {
  return std::any_of(set.begin(), set.end(),
                     [&](const Resource& r) { return r.address == address; });
}

bool DependsOn(const Resource& r, const std::string& address) {
  return std::find(r.depends_on.begin(), r.depends_on.end(), address) != r.depends_on.end();
}

}  // namespace meshform::resources::testing
