// Unit tests of engine/values: the readers shared by plan, apply and the readiness rules, and
// the remote kubeconfig writer. No cluster.
#include "resources/values.h"

#include <gtest/gtest.h>

#include "engine/readiness/rules.h"
#include "engine/util/base64.h"
#include "engine/util/error.h"
#include "engine/values/intermediate_ca.h"
#include "engine/values/lb_address.h"
#include "engine/values/remote_kubeconfig.h"
#include "engine/values/root_ca.h"
#include "engine/values/token.h"
#include "resources/placeholder.h"

namespace meshform::values {
namespace {

using nlohmann::json;

json Service(json ingress) {
  json s = {{"apiVersion", "v1"},
            {"kind", "Service"},
            {"metadata", {{"name", "gw"}, {"namespace", "istio-system"}}},
            {"spec", {{"type", "LoadBalancer"}}}};
  if (!ingress.is_null()) s["status"]["loadBalancer"]["ingress"] = ingress;
  return s;
}

json Secret(std::map<std::string, std::string> data) {
  json s = {{"apiVersion", "v1"},
            {"kind", "Secret"},
            {"type", "kubernetes.io/service-account-token"},
            {"metadata", {{"name", "reader-token"}, {"namespace", "istio-system"}}}};
  for (const auto& [k, v] : data) s["data"][k] = util::Base64Encode(v);
  return s;
}

TEST(LbAddress, IpElseHostname) {
  EXPECT_EQ(LbAddressFromService(Service(json::array({{{"ip", "127.0.0.9"}}})))->at("address"),
            "127.0.0.9");
  EXPECT_EQ(
      LbAddressFromService(Service(json::array({{{"hostname", "lb.example"}}})))->at("address"),
      "lb.example");
}

// The three readers used to disagree here: an ingress entry with neither ip nor hostname is no
// address, for the plan, for apply and for the readiness rule alike.
TEST(LbAddress, AnEmptyIngressEntryIsNoAddressForAnyReader) {
  json empty = Service(json::array({json::object()}));
  EXPECT_FALSE(LbAddressFromService(empty));
  EXPECT_FALSE(LbAddressFromService(Service(json())));
  EXPECT_FALSE(LbAddressFromService(Service(json::array())));
  const auto& rule = readiness::RuleFor(empty);
  EXPECT_EQ(rule.name, "Service load-balancer address");
  EXPECT_EQ(rule.check(empty).state, readiness::Readiness::kInProgress);
  json assigned = Service(json::array({{{"ip", "127.0.0.9"}}}));
  EXPECT_EQ(rule.check(assigned).state, readiness::Readiness::kReady);
}

TEST(LbAddress, ObjectToWaitOnSelectsTheLoadBalancerRule) {
  json params = {{"cluster", "beijing"}, {"namespace", "istio-system"}, {"service", "gw"}};
  kube::ObjectRef ref = LbServiceRef(params);
  EXPECT_EQ(ref.api_version + " " + ref.kind + " " + ref.ns + "/" + ref.name,
            "v1 Service istio-system/gw");
  EXPECT_EQ(readiness::RuleFor(LbServiceObject(params)).name, "Service load-balancer address");
}

TEST(Token, FromAFilledSecretOnly) {
  EXPECT_FALSE(TokenFromSecret(Secret({})));
  EXPECT_FALSE(TokenFromSecret(Secret({{"token", ""}})));
  auto fields = TokenFromSecret(Secret({{"token", "t0k"}, {"ca.crt", "PEM"}}));
  ASSERT_TRUE(fields);
  EXPECT_EQ(fields->at("token"), "t0k");
  EXPECT_EQ(fields->at("ca.crt"), "PEM");
  const auto& rule = readiness::RuleFor(Secret({}));
  EXPECT_EQ(rule.name, "service-account token issued");
  EXPECT_EQ(rule.check(Secret({{"token", ""}})).state, readiness::Readiness::kInProgress);
  EXPECT_EQ(rule.check(Secret({{"token", "t0k"}})).state, readiness::Readiness::kReady);
}

TEST(Token, CaFromTheEndpointWhenTheSecretHasNone) {
  json params = {
      {"cluster", "shanghai"}, {"namespace", "istio-system"}, {"secret", "reader-token"}};
  ValueStore store;
  EXPECT_THROW(
      WithClusterCa({{"token", "t"}, {"ca.crt", ""}}, "token/x", params, "shanghai", store),
      meshform::Error);
  store.Set(resources::EndpointAddress("shanghai"),
            {{"server", "https://127.0.0.1:1"}, {"caData", util::Base64Encode("ENDPOINT-CA")}});
  auto fields =
      WithClusterCa({{"token", "t"}, {"ca.crt", ""}}, "token/x", params, "shanghai", store);
  EXPECT_EQ(fields.at("ca.crt"), "ENDPOINT-CA");
  auto own =
      WithClusterCa({{"token", "t"}, {"ca.crt", "OWN"}}, "token/x", params, "shanghai", store);
  EXPECT_EQ(own.at("ca.crt"), "OWN");
}

TEST(RootCa, FromTheStateSecretWithBothKeys) {
  EXPECT_FALSE(RootCaFromSecret(Secret({{"ca.crt", "C"}})));
  auto root = RootCaFromSecret(Secret({{"ca.crt", "C"}, {"ca.key", "K"}}));
  ASSERT_TRUE(root);
  EXPECT_EQ(root->at("cert"), "C");
  EXPECT_EQ(root->at("key"), "K");
}

TEST(IntermediateCa, IssuedByTheStoredRootAndReadBackFromCacerts) {
  ValueStore store;
  json params = {{"cluster", "beijing"}, {"validityDays", 30}};
  EXPECT_THROW(IssueIntermediateCa(params, store, std::chrono::system_clock::now()),
               meshform::Error);
  store.Set(resources::RootCaAddress(),
            GenerateRootCa({{"commonName", "test root"}, {"validityDays", 60}},
                           std::chrono::system_clock::now()));
  auto ca = IssueIntermediateCa(params, store, std::chrono::system_clock::now());
  EXPECT_EQ(ca.at("chain"), ca.at("cert") + store.Field(resources::RootCaAddress(), "cert"));
  EXPECT_EQ(ca.at("root"), store.Field(resources::RootCaAddress(), "cert"));
  json cacerts = Secret({{"ca-cert.pem", ca.at("cert")},
                         {"ca-key.pem", ca.at("key")},
                         {"cert-chain.pem", ca.at("chain")},
                         {"root-cert.pem", ca.at("root")}});
  auto back = IntermediateFromCacerts(cacerts);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, ca);
  cacerts["data"].erase("ca-key.pem");
  EXPECT_FALSE(IntermediateFromCacerts(cacerts));
}

TEST(RemoteKubeconfig, BuiltFromTheStoreOnceEveryValueIsKnown) {
  json params = {{"name", "shanghai"},
                 {"server", resources::MakePlaceholder("endpoint/shanghai", "server")},
                 {"certificateAuthorityData",
                  resources::MakePlaceholder("token/shanghai/istio-system/r", "ca.crt", "base64")},
                 {"token", resources::MakePlaceholder("token/shanghai/istio-system/r", "token")}};
  ValueStore store;
  store.Set("endpoint/shanghai", {{"server", "https://127.0.0.1:6443"}, {"caData", ""}});
  EXPECT_THROW(BuildRemoteKubeconfig(params, store), meshform::Error);
  store.Set("token/shanghai/istio-system/r", {{"token", "tok"}, {"ca.crt", "CA"}});
  EXPECT_EQ(BuildRemoteKubeconfig(params, store).at("kubeconfig"),
            RemoteKubeconfig("shanghai", "https://127.0.0.1:6443", "Q0E=", "tok"));
}

TEST(RemoteKubeconfig, IsWhatIstioctlWrites) {
  std::string k = RemoteKubeconfig("shanghai", "https://127.0.0.1:6443", "Q0E=", "tok");
  EXPECT_EQ(k,
            "apiVersion: v1\n"
            "clusters:\n"
            "- cluster:\n"
            "    certificate-authority-data: Q0E=\n"
            "    server: https://127.0.0.1:6443\n"
            "  name: shanghai\n"
            "contexts:\n"
            "- context:\n"
            "    cluster: shanghai\n"
            "    user: shanghai\n"
            "  name: shanghai\n"
            "current-context: shanghai\n"
            "kind: Config\n"
            "preferences: {}\n"
            "users:\n"
            "- name: shanghai\n"
            "  user:\n"
            "    token: tok\n");
}

}  // namespace
}  // namespace meshform::values
