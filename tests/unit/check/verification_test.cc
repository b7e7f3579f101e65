// The verification categories (control-plane, networks, workloads) over in-process API servers
// of two clusters (beijing the primary, shanghai a remote, KubeFed hosted on beijing): a good
// mesh passes every check; each fault fails exactly its check, naming the cluster and the
// object, with a hint; the remote secret's kubeconfig is reviewed with its own credentials and
// never appears in a report.
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/check/control_plane.h"
#include "engine/check/networks.h"
#include "engine/check/workloads.h"
#include "engine/util/base64.h"
#include "resources/federated.h"
#include "resources/gateway.h"
#include "resources/namespaces.h"
#include "resources/placeholder.h"
#include "resources/remote_reader.h"
#include "resources/services.h"
#include "resources/workloads.h"
#include "tests/unit/check/fake_mesh.h"

namespace meshform::check {
namespace {

using nlohmann::json;
using testing::FakeApiServer;

constexpr const char* kReaderToken = "reader-token-s3cr3t-0123456789";

std::string ReaderKubeconfig(const std::string& user_lines) {
  return "apiVersion: v1\nkind: Config\n"
         "clusters:\n- name: shanghai\n  cluster:\n    server: https://shanghai.invalid\n"
         "users:\n- name: reader\n  user:\n" +
         user_lines +
         "contexts:\n- name: shanghai\n  context:\n    cluster: shanghai\n    user: reader\n"
         "current-context: shanghai\n";
}

json Available(json deployment) {
  int64_t replicas = deployment["spec"].value("replicas", int64_t{1});
  deployment["metadata"]["generation"] = 1;
  deployment["status"] = {{"observedGeneration", 1},
                          {"replicas", replicas},
                          {"availableReplicas", replicas},
                          {"conditions", {{{"type", "Available"}, {"status", "True"}}}}};
  return deployment;
}

topology::Topology SeedTopology() {
  topology::Topology t;
  t.name = "mesh";
  t.clusters = {{"beijing", "ctx-beijing", "", "network1", topology::ClusterRole::kPrimary, {}},
                {"shanghai", "ctx-shanghai", "", "network2", topology::ClusterRole::kRemote, {}}};
  t.networks = {{"network1", 443, {}}, {"network2", 443, {}}};
  t.mesh.control_plane.cluster = "beijing";
  t.mesh.control_plane.revision = "1-7-2";
  t.federation.type = topology::FederationType::kKubefed;
  t.federation.host = "beijing";
  topology::Workload w;
  w.name = "helloworld";
  w.namespace_ = "sample";
  w.placement = {"beijing", "shanghai"};
  w.image = "docker.io/istio/examples-helloworld-v1";
  w.labels = {{"version", "v1"}};
  w.ports = {{"http", 5000, 0, "TCP"}};
  w.overrides["shanghai"].image = "docker.io/istio/examples-helloworld-v2";
  w.overrides["shanghai"].labels = {{"version", "v2"}};
  t.workloads = {w};
  return t;
}

json Istiod() {
  return {{"apiVersion", "apps/v1"},
          {"kind", "Deployment"},
          {"metadata", {{"name", "istiod-1-7-2"}, {"namespace", "istio-system"}}},
          {"spec", {{"replicas", 1}}}};
}

json Webhook() {
  return {{"apiVersion", "admissionregistration.k8s.io/v1"},
          {"kind", "MutatingWebhookConfiguration"},
          {"metadata", {{"name", "istio-sidecar-injector-1-7-2"}}},
          {"webhooks", {{{"name", "sidecar-injector.istio.io"}}}}};
}

// The remote's istiod EndpointSlice, pointing at the primary's gateway (`address`: a value, or
// the placeholder the renderer's marker became).
json IstiodEndpoints(const json& address) {
  return {{"apiVersion", "discovery.k8s.io/v1beta1"},
          {"kind", "EndpointSlice"},
          {"metadata", {{"name", "istiod-1-7-2"}, {"namespace", "istio-system"}}},
          {"addressType", "IPv4"},
          {"endpoints", {{{"addresses", {address}}}}}};
}

json GatewayService() {
  return {{"apiVersion", "v1"},
          {"kind", "Service"},
          {"metadata", {{"name", "istio-ingressgateway"}, {"namespace", "istio-system"}}},
          {"spec", {{"type", "LoadBalancer"}, {"ports", {{{"name", "tls"}, {"port", 443}}}}}}};
}

// The desired objects and two live clusters holding exactly them, available and addressed.
struct Mesh {
  Mesh() {
    clients =
        std::make_unique<kube::ClusterClients>(std::map<std::string, std::shared_ptr<kube::Client>>{
            {"beijing", beijing.Client("ctx-beijing")},
            {"shanghai", shanghai.Client("ctx-shanghai")}});
    shanghai.AcceptToken(kReaderToken);
    remote_options.transport = shanghai.transport();
    remote_options.retry.max_attempts = 1;
    for (const char* c : {"beijing", "shanghai"}) {
      const std::string net = std::string(c) == "beijing" ? "network1" : "network2";
      Both(c, resources::NamespaceObject("istio-system", {{"topology.istio.io/network", net}}));
      Both(c, resources::NamespaceObject("sample", {{"istio-injection", "enabled"}}));
      json lb = GatewayService();
      Desire(c, lb);
      lb["status"]["loadBalancer"]["ingress"] = {{{"ip", "127.0.0.10"}}};
      Server(c).Put(lb);
      Both(c, resources::CrossNetworkGatewayObject(443));
      Both(c, resources::ServiceObject(t.workloads[0]));
      Server(c).Put(Available(resources::DeploymentObject(t.workloads[0], c)));
    }
    Desire("shanghai", IstiodEndpoints(resources::MakePlaceholder(
                           "lb-address/beijing/istio-system/istio-ingressgateway", "address")));
    shanghai.Put(IstiodEndpoints("127.0.0.10"));
    Desire("beijing", Istiod());
    beijing.Put(Available(Istiod()));
    Both("beijing", Webhook());
    Both("beijing", resources::FederatedDeploymentObject(t.workloads[0]));
    json secret = resources::RemoteSecretObject("shanghai");
    Desire("beijing", secret);
    secret.erase("stringData");
    secret["data"]["shanghai"] =
        util::Base64Encode(ReaderKubeconfig(std::string("    token: ") + kReaderToken + "\n"));
    beijing.Put(secret);
  }

  FakeApiServer& Server(const std::string& cluster) {
    return cluster == "beijing" ? beijing : shanghai;
  }
  void Desire(const std::string& cluster, const json& object) {
    desired.push_back(resources::MakeObject(cluster, object, t.name, {}));
  }
  void Both(const std::string& cluster, const json& object) {
    Desire(cluster, object);
    Server(cluster).Put(object);
  }

  std::vector<Check> Run() {
    std::vector<Check> out = ControlPlaneChecks(*clients, t, desired, remote_options);
    for (auto& c : NetworkChecks(*clients, t, desired)) out.push_back(c);
    for (auto& c : WorkloadChecks(*clients, t, desired)) out.push_back(c);
    return out;
  }

  topology::Topology t = SeedTopology();
  FakeApiServer beijing, shanghai;
  std::unique_ptr<kube::ClusterClients> clients;
  kube::ClientOptions remote_options;
  resources::ResourceSet desired;
};

std::vector<Check> Failed(const std::vector<Check>& checks) {
  std::vector<Check> out;
  for (const auto& c : checks)
    if (c.result != Result::kPass) out.push_back(c);
  return out;
}

std::string Text(const std::vector<Check>& checks) {
  Report report;
  report.checks = checks;
  return ReportJson(report, "mesh", "verification").dump();
}

// The one failed check (an empty Check, and a test failure, when there is not exactly one): its
// name, cluster, and that its message names the object and the cluster and its hint is set.
Check ExpectOneFailure(const std::vector<Check>& checks, const std::string& category,
                       const std::string& name, const std::string& cluster,
                       const std::string& object) {
  auto failed = Failed(checks);
  if (failed.size() != 1) {
    ADD_FAILURE() << "expected exactly one failed check, got " << failed.size() << ":\n"
                  << Text(checks);
    return Check{};
  }
  EXPECT_EQ(failed[0].category, category);
  EXPECT_EQ(failed[0].name, name);
  EXPECT_EQ(failed[0].cluster, cluster);
  EXPECT_NE(failed[0].message.find(object), std::string::npos) << failed[0].message;
  EXPECT_NE(failed[0].message.find(cluster), std::string::npos) << failed[0].message;
  EXPECT_FALSE(failed[0].hint.empty());
  EXPECT_EQ(Text(checks).find(kReaderToken), std::string::npos);
  return failed[0];
}

TEST(VerificationChecks, EveryCheckPassesOnAGoodMesh) {
  Mesh mesh;
  auto checks = mesh.Run();
  EXPECT_TRUE(Failed(checks).empty()) << Text(checks);
  std::map<std::string, int> count;
  for (const auto& c : checks) ++count[c.category + "/" + c.name];
  EXPECT_EQ(count, (std::map<std::string, int>{{"control-plane/istiod", 1},
                                               {"control-plane/injection-webhook", 1},
                                               {"control-plane/remote-secret", 1},
                                               {"control-plane/remote-pilot-address", 1},
                                               {"networks/network-label", 2},
                                               {"networks/gateway-address", 2},
                                               {"networks/gateway-port", 2},
                                               {"workloads/deployment", 2},
                                               {"workloads/injection", 2},
                                               {"workloads/service-ports", 1},
                                               {"workloads/federated", 1}}));
  EXPECT_EQ(Text(checks).find(kReaderToken), std::string::npos);
}

TEST(VerificationChecks, IstiodScaledToZeroFails) {
  Mesh mesh;
  mesh.beijing.Object("apps/v1", "Deployment", "istio-system", "istiod-1-7-2")["spec"]["replicas"] =
      0;
  auto checks = mesh.Run();
  const Check f =
      ExpectOneFailure(checks, "control-plane", "istiod", "beijing", "istio-system/istiod-1-7-2");
  EXPECT_NE(f.hint.find("rollout status deploy/istiod-1-7-2"), std::string::npos);
  EXPECT_NE(f.hint.find("--context ctx-beijing"), std::string::npos);
}

TEST(VerificationChecks, MissingInjectionWebhookFails) {
  Mesh mesh;
  mesh.beijing.Remove("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", "",
                      "istio-sidecar-injector-1-7-2");
  ExpectOneFailure(mesh.Run(), "control-plane", "injection-webhook", "beijing",
                   "istio-sidecar-injector-1-7-2");
}

TEST(VerificationChecks, RemoteSecretWithoutIstioLabelFails) {
  Mesh mesh;
  mesh.beijing.Object("v1", "Secret", "istio-system", "istio-remote-secret-shanghai")["metadata"]
      .erase("labels");
  ExpectOneFailure(mesh.Run(), "control-plane", "remote-secret", "beijing",
                   "istio-system/istio-remote-secret-shanghai");
}

TEST(VerificationChecks, RemoteSecretReviewedWithItsOwnCredentials) {
  Mesh mesh;
  auto checks = mesh.Run();
  ASSERT_TRUE(Failed(checks).empty()) << Text(checks);
  size_t with_reader_token = 0;
  for (const auto& r : mesh.shanghai.Requests()) {
    if (r.url.find("selfsubjectaccessreviews") == std::string::npos) continue;
    EXPECT_EQ(r.headers.at("Authorization"), std::string("Bearer ") + kReaderToken);
    ++with_reader_token;
  }
  EXPECT_EQ(with_reader_token, ReaderNeeds().size());
}

TEST(VerificationChecks, RemoteSecretWhoseTokenIsRefusedFails) {
  Mesh mesh;
  mesh.shanghai.ForgetToken(kReaderToken);  // as when its ServiceAccount was recreated
  auto checks = mesh.Run();
  auto failed = Failed(checks);
  ASSERT_FALSE(failed.empty());
  bool found = false;
  for (const auto& c : failed) {
    if (c.name != "remote-secret") continue;
    found = true;
    EXPECT_EQ(c.cluster, "shanghai");
    EXPECT_NE(c.message.find("refused"), std::string::npos) << c.message;
    EXPECT_NE(c.message.find("istio-remote-secret-shanghai"), std::string::npos) << c.message;
  }
  EXPECT_TRUE(found) << Text(checks);
  EXPECT_EQ(Text(checks).find(kReaderToken), std::string::npos);
}

TEST(VerificationChecks, RemoteSecretMissingAReaderPermissionFails) {
  Mesh mesh;
  mesh.shanghai.Deny("list /pods");
  mesh.shanghai.Deny("watch discovery.k8s.io/endpointslices");
  auto checks = mesh.Run();
  const Check f =
      ExpectOneFailure(checks, "control-plane", "remote-secret", "shanghai", "istio-remote-secret");
  EXPECT_EQ(f.details,
            (std::vector<std::string>{"list pods", "watch discovery.k8s.io/endpointslices"}));
}

TEST(VerificationChecks, RemoteSecretWithAnExecPluginIsNotRun) {
  Mesh mesh;
  json& secret =
      mesh.beijing.Object("v1", "Secret", "istio-system", "istio-remote-secret-shanghai");
  secret["data"]["shanghai"] = util::Base64Encode(
      ReaderKubeconfig("    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
                       "      command: /bin/touch\n      args: [/tmp/meshform-must-not-exist]\n"));
  auto checks = mesh.Run();
  ExpectOneFailure(checks, "control-plane", "remote-secret", "shanghai", "runs a command");
  EXPECT_FALSE(std::filesystem::exists("/tmp/meshform-must-not-exist"));
}

TEST(VerificationChecks, RemotePilotAddressNotTheGatewaysFails) {
  Mesh mesh;
  mesh.shanghai.Put(IstiodEndpoints("127.0.0.99"));
  const Check f = ExpectOneFailure(mesh.Run(), "control-plane", "remote-pilot-address", "shanghai",
                                   "EndpointSlice istiod-1-7-2");
  EXPECT_NE(f.message.find("holds \"127.0.0.99\", the gateway's address is 127.0.0.10"),
            std::string::npos)
      << f.message;
}

TEST(VerificationChecks, NetworkLabelRemovedFails) {
  Mesh mesh;
  mesh.shanghai.Object("v1", "Namespace", "", "istio-system")["metadata"].erase("labels");
  auto checks = mesh.Run();
  const Check f = ExpectOneFailure(checks, "networks", "network-label", "shanghai", "istio-system");
  EXPECT_NE(f.hint.find("topology.istio.io/network=network2"), std::string::npos);
}

TEST(VerificationChecks, GatewayServiceWithoutAddressFails) {
  Mesh mesh;
  mesh.shanghai.Object("v1", "Service", "istio-system", "istio-ingressgateway").erase("status");
  ExpectOneFailure(mesh.Run(), "networks", "gateway-address", "shanghai",
                   "istio-system/istio-ingressgateway");
}

TEST(VerificationChecks, GatewayOnAnotherPortFails) {
  Mesh mesh;
  mesh.shanghai.Put(resources::CrossNetworkGatewayObject(15443));
  auto checks = mesh.Run();
  const Check f =
      ExpectOneFailure(checks, "networks", "gateway-port", "shanghai", "cluster-aware-gateway");
  EXPECT_NE(f.message.find("uses port 443"), std::string::npos);
}

TEST(VerificationChecks, WorkloadWithoutItsOverrideImageFails) {
  Mesh mesh;
  mesh.shanghai.Put(Available(resources::DeploymentObject(mesh.t.workloads[0], "beijing")));
  auto checks = mesh.Run();
  const Check f =
      ExpectOneFailure(checks, "workloads", "deployment", "shanghai", "sample/helloworld");
  EXPECT_NE(f.message.find("examples-helloworld-v2"), std::string::npos);
}

TEST(VerificationChecks, WorkloadScaledToZeroFails) {
  Mesh mesh;
  json d = resources::DeploymentObject(mesh.t.workloads[0], "beijing");
  d["spec"]["replicas"] = 0;
  mesh.beijing.Put(Available(d));
  auto checks = mesh.Run();
  const Check f =
      ExpectOneFailure(checks, "workloads", "deployment", "beijing", "sample/helloworld");
  EXPECT_NE(f.hint.find("rollout status deploy/helloworld"), std::string::npos);
}

TEST(VerificationChecks, NamespaceWithoutInjectionFails) {
  Mesh mesh;
  mesh.beijing.Put(resources::NamespaceObject("sample"));
  ExpectOneFailure(mesh.Run(), "workloads", "injection", "beijing", "sample");
}

TEST(VerificationChecks, ServicePortChangedInOneClusterFails) {
  Mesh mesh;
  mesh.shanghai.Object("v1", "Service", "sample", "helloworld")["spec"]["ports"][0]["port"] = 5001;
  auto checks = mesh.Run();
  const Check f =
      ExpectOneFailure(checks, "workloads", "service-ports", "shanghai", "sample/helloworld");
  EXPECT_EQ(f.details, std::vector<std::string>{"shanghai: http 5001/TCP"});
}

TEST(VerificationChecks, FederatedPlacementChangedFails) {
  Mesh mesh;
  mesh.beijing.Object("types.kubefed.io/v1beta1", "FederatedDeployment", "sample",
                      "helloworld")["spec"]["placement"]["clusters"] = {{{"name", "beijing"}}};
  auto checks = mesh.Run();
  const Check f =
      ExpectOneFailure(checks, "workloads", "federated", "beijing", "sample/helloworld");
  EXPECT_NE(f.message.find("placement"), std::string::npos);
}

}  // namespace
}  // namespace meshform::check
