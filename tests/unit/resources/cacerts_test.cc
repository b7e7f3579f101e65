// CA: a root value, one intermediate per cluster signed by it (Istio's Makefile subject), and
// a cacerts Secret per cluster whose four keys are base64 placeholders; nothing generated.
#include "resources/cacerts.h"

#include <gtest/gtest.h>

#include "resources/placeholder.h"
#include "tests/unit/resources/test_topology.h"

namespace meshform::resources {
namespace {

using testing::Find;

TEST(CaCerts, DeclaresRootAndPerClusterIntermediates) {
  ResourceSet set;
  CompileCaCerts(testing::SeedTopology(), set);
  const auto& root = Find(set, "ca/root");
  EXPECT_TRUE(root.is_value());
  EXPECT_TRUE(root.sensitive);
  EXPECT_EQ(root.value.type, "ca-root");
  EXPECT_EQ(root.value.params["commonName"], "mesh root CA");
  const auto& inter = Find(set, "ca/intermediate/shanghai");
  EXPECT_EQ(inter.value.params["subject"]["L"], "shanghai");
  EXPECT_EQ(inter.value.params["subject"]["CN"], "Intermediate CA");
  EXPECT_EQ(inter.depends_on, std::vector<std::string>{"ca/root"});
}

TEST(CaCerts, SecretHoldsPlaceholdersForTheFourKeys) {
  ResourceSet set;
  CompileCaCerts(testing::SeedTopology(), set);
  const auto& secret = Find(set, "beijing/v1/Secret/istio-system/cacerts");
  EXPECT_TRUE(secret.sensitive);
  EXPECT_EQ(secret.object["type"], "Opaque");
  auto found = FindPlaceholders(secret.object);
  ASSERT_EQ(found.size(), 4u);
  for (const auto& p : found) EXPECT_EQ(p.encoding, "base64");
  EXPECT_EQ(ParsePlaceholder(secret.object["data"]["cert-chain.pem"]).from,
            "ca/intermediate/beijing");
  EXPECT_EQ(ParsePlaceholder(secret.object["data"]["cert-chain.pem"]).field, "chain");
  EXPECT_EQ(ParsePlaceholder(secret.object["data"]["root-cert.pem"]).from, "ca/root");
}

TEST(CaCerts, RootFromFilesKeepsThePaths) {
  auto t = testing::SeedTopology();
  t.ca.root.generate = false;
  t.ca.root.cert_file = "/certs/root-cert.pem";
  t.ca.root.key_file = "/certs/root-key.pem";
  ResourceSet set;
  CompileCaCerts(t, set);
  EXPECT_EQ(Find(set, "ca/root").value.params["certFile"], "/certs/root-cert.pem");
  EXPECT_FALSE(Find(set, "ca/root").value.params.contains("commonName"));
}

}  // namespace
}  // namespace meshform::resources
