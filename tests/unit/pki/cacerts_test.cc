// Proves: CacertsData produces exactly the four keys of Istio's cacerts Secret, with
// cert-chain.pem = ca-cert.pem + root-cert.pem byte for byte; CacertsFromData reads them back.
#include "engine/pki/cacerts.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/pki/pki_test_util.h"

namespace meshform::pki {
namespace {

using ::testing::ElementsAre;
using ::testing::Key;

TEST(pki_CacertsData, FourKeysInIstioLayout) {
  CaBundle intermediate = testing::TestIntermediate(testing::TestRoot(), "beijing");
  auto data = CacertsData(intermediate, testing::TestRoot().cert_pem);
  EXPECT_THAT(data, ElementsAre(Key("ca-cert.pem"), Key("ca-key.pem"), Key("cert-chain.pem"),
                                Key("root-cert.pem")));
  EXPECT_EQ(data["ca-cert.pem"], intermediate.cert_pem);
  EXPECT_EQ(data["ca-key.pem"], intermediate.key_pem);
  EXPECT_EQ(data["root-cert.pem"], testing::TestRoot().cert_pem);
  EXPECT_EQ(data["cert-chain.pem"], intermediate.cert_pem + testing::TestRoot().cert_pem);
}

TEST(pki_CacertsData, ChainGetsANewlineBetweenBlocks) {
  CaBundle intermediate = testing::TestIntermediate(testing::TestRoot(), "beijing");
  std::string trimmed = intermediate.cert_pem.substr(0, intermediate.cert_pem.size() - 1);
  auto data = CacertsData({trimmed, intermediate.key_pem}, testing::TestRoot().cert_pem);
  EXPECT_EQ(data["cert-chain.pem"], intermediate.cert_pem + testing::TestRoot().cert_pem);
}

TEST(pki_CacertsFromData, RoundTripAndMissingKeys) {
  CaBundle intermediate = testing::TestIntermediate(testing::TestRoot(), "beijing");
  auto data = CacertsData(intermediate, testing::TestRoot().cert_pem);
  CacertsPems pems = CacertsFromData(data);
  EXPECT_EQ(pems.ca_cert, data["ca-cert.pem"]);
  EXPECT_EQ(pems.ca_key, data["ca-key.pem"]);
  EXPECT_EQ(pems.root_cert, data["root-cert.pem"]);
  EXPECT_EQ(pems.cert_chain, data["cert-chain.pem"]);
  data.erase("ca-key.pem");
  EXPECT_TRUE(CacertsFromData(data).ca_key.empty());
}

}  // namespace
}  // namespace meshform::pki
