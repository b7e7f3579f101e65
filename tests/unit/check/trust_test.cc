// The trust category over in-process API servers of two clusters whose cacerts Secrets hold
// intermediates issued by one root: a good mesh passes; an expired intermediate, a root that is
// not the topology's, a topology root whose key does not match it, and a generated root whose
// Secret is gone are each named; no key ever appears in a report.
#include "engine/check/trust.h"

#include <gtest/gtest.h>

#include "engine/pki/ca.h"
#include "engine/pki/cacerts.h"
#include "engine/util/base64.h"
#include "tests/unit/check/fake_mesh.h"

namespace meshform::check {
namespace {

using nlohmann::json;
using std::chrono::hours;
using testing::FakeApiServer;

const auto kNow = std::chrono::system_clock::now();
const auto kRenew = std::chrono::seconds(hours(24 * 30));

pki::CaBundle Root(const std::string& name) {
  pki::RootParams params;
  params.common_name = name;
  params.key_type = pki::KeyType::kEcdsaP256;
  return pki::GenerateRoot(params, kNow - hours(24));
}

pki::CaBundle Intermediate(const pki::CaBundle& root, const std::string& cluster,
                           std::chrono::system_clock::time_point from, int days) {
  pki::IntermediateParams params;
  params.cluster = cluster;
  params.validity_days = days;
  params.key_type = pki::KeyType::kEcdsaP256;
  return pki::IssueIntermediate(root, params, from);
}

json CacertsSecret(const pki::CaBundle& intermediate, const std::string& root_cert) {
  json secret = {{"apiVersion", "v1"},
                 {"kind", "Secret"},
                 {"metadata", {{"name", "cacerts"}, {"namespace", "istio-system"}}},
                 {"data", json::object()}};
  for (const auto& [key, value] : pki::CacertsData(intermediate, root_cert))
    secret["data"][key] = util::Base64Encode(value);
  return secret;
}

struct Mesh {
  Mesh() {
    clients =
        std::make_unique<kube::ClusterClients>(std::map<std::string, std::shared_ptr<kube::Client>>{
            {"beijing", beijing.Client("ctx-beijing")},
            {"shanghai", shanghai.Client("ctx-shanghai")}});
    beijing.Put(CacertsSecret(Intermediate(root, "beijing", kNow - hours(24), 365), root.cert_pem));
    shanghai.Put(
        CacertsSecret(Intermediate(root, "shanghai", kNow - hours(24), 365), root.cert_pem));
  }
  std::vector<Check> Run(const std::optional<TopologyRoot>& topology_root) {
    auto checks = TrustChecks(*clients, {"beijing", "shanghai"}, kRenew, kNow, topology_root);
    Report report;
    report.checks = checks;
    std::string text = ReportJson(report, "mesh", "verification").dump();
    EXPECT_EQ(text.find("PRIVATE KEY"), std::string::npos) << "key material in the report";
    return checks;
  }
  TopologyRoot Known(const pki::CaBundle& ca) const {
    return {"the Secret meshform-system/meshform-root-ca-mesh in beijing", true, ca.cert_pem,
            ca.key_pem};
  }

  pki::CaBundle root = Root("mesh root");
  FakeApiServer beijing, shanghai;
  std::unique_ptr<kube::ClusterClients> clients;
};

const Check* Find(const std::vector<Check>& checks, const std::string& name,
                  const std::string& cluster = "") {
  for (const auto& c : checks)
    if (c.name == name && c.cluster == cluster) return &c;
  ADD_FAILURE() << "no check " << name << " for '" << cluster << "'";
  return nullptr;
}

TEST(TrustChecks, AGoodMeshWithTheTopologysRootPassesEveryCheck) {
  Mesh mesh;
  auto checks = mesh.Run(mesh.Known(mesh.root));
  ASSERT_EQ(checks.size(), 4u);  // same-root, topology-root, an intermediate per cluster
  for (const auto& c : checks) EXPECT_EQ(c.result, Result::kPass) << c.name << ": " << c.message;
  const Check* root = Find(checks, "topology-root");
  ASSERT_NE(root, nullptr);
  EXPECT_NE(root->message.find("meshform-system/meshform-root-ca-mesh"), std::string::npos);
}

TEST(TrustChecks, WithoutAKnownTopologyRootOnlyTheClustersAreCompared) {
  Mesh mesh;
  auto checks = mesh.Run(std::nullopt);
  EXPECT_EQ(checks.size(), 3u);
  for (const auto& c : checks) EXPECT_NE(c.name, "topology-root");
}

TEST(TrustChecks, AnExpiredIntermediateIsNamedWithItsCluster) {
  Mesh mesh;
  // Valid for 365 days from 400 days ago: expired 35 days ago.
  mesh.shanghai.Put(CacertsSecret(Intermediate(mesh.root, "shanghai", kNow - hours(24 * 400), 365),
                                  mesh.root.cert_pem));
  auto checks = mesh.Run(mesh.Known(mesh.root));
  const Check* expired = Find(checks, "intermediate", "shanghai");
  ASSERT_NE(expired, nullptr);
  EXPECT_EQ(expired->result, Result::kFail);
  EXPECT_NE(expired->message.find("the intermediate CA is not usable: expired 35 days ago"),
            std::string::npos)
      << expired->message;
  EXPECT_EQ(expired->hint, "`meshform apply` issues a new one from the root");
  EXPECT_EQ(Find(checks, "intermediate", "beijing")->result, Result::kPass);
  EXPECT_EQ(Find(checks, "same-root")->result, Result::kPass);
}

TEST(TrustChecks, ClustersSharingARootThatIsNotTheTopologysAreNamed) {
  Mesh mesh;
  auto checks = mesh.Run(mesh.Known(Root("another root")));
  EXPECT_EQ(Find(checks, "same-root")->result, Result::kPass);
  const Check* root = Find(checks, "topology-root");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->result, Result::kFail);
  EXPECT_EQ(root->message, "the clusters' cacerts do not hold the topology's root");
  EXPECT_EQ(root->details,
            (std::vector<std::string>{
                "beijing holds another root than the Secret meshform-system/meshform-root-ca-mesh "
                "in beijing",
                "shanghai holds another root than the Secret "
                "meshform-system/meshform-root-ca-mesh in beijing"}));
  EXPECT_NE(root->hint.find("`meshform apply` writes the topology's root"), std::string::npos);
}

TEST(TrustChecks, ATopologyRootWhoseKeyIsAnothersFails) {
  Mesh mesh;
  TopologyRoot files{"the files root.pem and root-key.pem", false, mesh.root.cert_pem,
                     Root("other").key_pem};
  auto checks = mesh.Run(files);
  const Check* root = Find(checks, "topology-root");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->result, Result::kFail);
  EXPECT_EQ(root->message,
            "the topology's root CA key does not match its certificate (the files root.pem and "
            "root-key.pem)");
  EXPECT_EQ(root->hint, "name the key that belongs to ca.root.certFile in ca.root.keyFile");
}

TEST(TrustChecks, AGeneratedRootWhoseSecretIsGoneIsAWarning) {
  Mesh mesh;
  TopologyRoot gone{"the Secret meshform-system/meshform-root-ca-mesh in beijing", true,
                    std::nullopt, std::nullopt};
  auto checks = mesh.Run(gone);
  const Check* root = Find(checks, "topology-root");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->result, Result::kWarn);
  EXPECT_NE(root->message.find("is gone"), std::string::npos);
  EXPECT_NE(root->hint.find("generates a new root"), std::string::npos);
}

}  // namespace
}  // namespace meshform::check
