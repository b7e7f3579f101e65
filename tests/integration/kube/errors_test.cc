// Proves that real API server errors become the typed errors, with cluster, verb and object in
// the message: 404, 409 AlreadyExists, 422 with causes, 403 through RBAC for a service account
// whose token came from the TokenRequest API, 500 for an unknown field in an apply body, and
// NoKindMatch for a kind the cluster does not serve.
#include <gtest/gtest.h>

#include "engine/util/base64.h"
#include "tests/integration/kube/cluster_env.h"

namespace meshform::kube {
namespace {

using namespace testing;

struct KubeApiErrorsTest : ::testing::Test {
  std::string context = Context(0);
  std::unique_ptr<Client> client = AdminClient(context);
  ScratchNamespace ns{*client, "errors"};
};

TEST_F(KubeApiErrorsTest, NotFound) {
  try {
    client->Get({"v1", "ConfigMap", ns.name(), "absent"});
    FAIL();
  } catch (const NotFound& e) {
    EXPECT_EQ(e.code(), 404);
    std::string what = e.what();
    EXPECT_EQ(what.rfind(context + ": get ConfigMap " + ns.name() + "/absent: ", 0), 0u) << what;
    EXPECT_NE(what.find("configmaps \"absent\" not found"), std::string::npos) << what;
  }
}

TEST_F(KubeApiErrorsTest, NamespacedObjectInAMissingNamespaceIsNotFound) {
  EXPECT_THROW(client->Apply(ConfigMap("no-such-namespace-xyz", "x", {{"a", "b"}})), NotFound);
}

TEST_F(KubeApiErrorsTest, AlreadyExists) {
  client->Create(ConfigMap(ns.name(), "twice", {{"a", "b"}}));
  try {
    client->Create(ConfigMap(ns.name(), "twice", {{"a", "b"}}));
    FAIL();
  } catch (const AlreadyExists& e) {
    EXPECT_EQ(e.code(), 409);
    EXPECT_NE(std::string(e.what()).find(context + ": create ConfigMap " + ns.name() + "/twice"),
              std::string::npos);
  }
}

TEST_F(KubeApiErrorsTest, InvalidWithCauses) {
  json bad = {{"apiVersion", "v1"},
              {"kind", "Service"},
              {"metadata", {{"name", "bad-svc"}, {"namespace", ns.name()}}},
              {"spec", {{"ports", json::array({{{"port", 70000}, {"protocol", "TCP"}}})}}}};
  try {
    client->Apply(bad);
    FAIL();
  } catch (const Invalid& e) {
    EXPECT_EQ(e.code(), 422);
    ASSERT_FALSE(e.causes().empty());
    bool port_cause = false;
    for (const auto& c : e.causes()) port_cause |= c.field == "spec.ports[0].port";
    EXPECT_TRUE(port_cause) << e.what();
    EXPECT_NE(std::string(e.what()).find("apply Service " + ns.name() + "/bad-svc"),
              std::string::npos);
  }
}

TEST_F(KubeApiErrorsTest, UnknownFieldInApplyBodyIsAServerError) {
  json cm = ConfigMap(ns.name(), "odd", {{"a", "b"}});
  cm["notAField"] = 1;
  try {
    client->Apply(cm);
    FAIL();
  } catch (const ServerError& e) {
    EXPECT_EQ(e.code(), 500);
    EXPECT_NE(e.server_message().find("notAField"), std::string::npos) << e.what();
  }
}

TEST_F(KubeApiErrorsTest, UnknownKindIsNoKindMatch) {
  try {
    client->Get({"example.meshform.io/v1", "Gadget", ns.name(), "g"});
    FAIL();
  } catch (const NoKindMatch& e) {
    EXPECT_NE(std::string(e.what()).find(context), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("Gadget"), std::string::npos);
  }
  EXPECT_THROW(client->Get({"v1", "Gadget", ns.name(), "g"}), NoKindMatch);
}

TEST_F(KubeApiErrorsTest, ForbiddenThroughRbacForARestrictedServiceAccount) {
  std::string n = ns.name();
  client->Apply({{"apiVersion", "v1"},
                 {"kind", "ServiceAccount"},
                 {"metadata", {{"name", "limited"}, {"namespace", n}}}});
  client->Apply({{"apiVersion", "rbac.authorization.k8s.io/v1"},
                 {"kind", "Role"},
                 {"metadata", {{"name", "cm-reader"}, {"namespace", n}}},
                 {"rules", json::array({{{"apiGroups", {""}},
                                         {"resources", {"configmaps"}},
                                         {"verbs", {"get", "list"}}}})}});
  client->Apply(
      {{"apiVersion", "rbac.authorization.k8s.io/v1"},
       {"kind", "RoleBinding"},
       {"metadata", {{"name", "limited-reads"}, {"namespace", n}}},
       {"roleRef",
        {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "Role"}, {"name", "cm-reader"}}},
       {"subjects",
        json::array({{{"kind", "ServiceAccount"}, {"name", "limited"}, {"namespace", n}}})}});
  client->Apply(ConfigMap(n, "readable", {{"a", "b"}}));
  ServiceAccountToken token = client->CreateToken(n, "limited");

  TempDir dir;
  auto limited =
      Client::ForContext(context, WriteKubeconfig(dir, context, "{token: " + token.token + "}"));
  EXPECT_EQ(limited->Get({"v1", "ConfigMap", n, "readable"})["data"]["a"], "b");
  ListOptions in_ns;
  in_ns.ns = n;
  bool listed = false;  // besides kube-root-ca.crt, which the controller-manager adds
  for (const auto& item : limited->List("v1", "ConfigMap", in_ns).items) {
    listed |= item["metadata"]["name"] == "readable";
  }
  EXPECT_TRUE(listed);
  try {
    limited->Apply(ConfigMap(n, "writable", {{"a", "b"}}));
    FAIL() << "expected Forbidden";
  } catch (const Forbidden& e) {
    EXPECT_EQ(e.code(), 403);
    std::string what = e.what();
    EXPECT_NE(what.find("system:serviceaccount:" + n + ":limited"), std::string::npos) << what;
    EXPECT_NE(what.find(context + ": apply ConfigMap " + n + "/writable"), std::string::npos)
        << what;
  }
  EXPECT_THROW(limited->Get({"v1", "Secret", n, "anything"}), Forbidden);

  // The admin impersonating the same service account (kubeconfig `as:`) gets the same answers.
  TempDir as_dir;
  std::string user =
      "{token: " + AdminToken(context) + ", as: \"system:serviceaccount:" + n + ":limited\"}";
  auto impersonating = Client::ForContext(context, WriteKubeconfig(as_dir, context, user));
  EXPECT_EQ(impersonating->Get({"v1", "ConfigMap", n, "readable"})["data"]["a"], "b");
  EXPECT_THROW(impersonating->Apply(ConfigMap(n, "writable", {{"a", "b"}})), Forbidden);
}

}  // namespace
}  // namespace meshform::kube
