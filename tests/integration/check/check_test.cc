// `meshform check` and the preflight of apply on the local clusters, through the binary, with
// the seed example:
//   * fresh clusters: `check --pre` passes and its JSON follows schemas/check.schema.json; before
//     an apply `check` reports the drift, after it `check` passes; destroy cleans up;
//   * a restricted user (a ServiceAccount's token that may read everything but write only
//     ConfigMaps, Leases and Namespaces): `check --pre` and `apply` list the missing permissions
//     by cluster (and none of those it has), and apply writes nothing: every cluster's
//     namespaces, Leases, ConfigMaps and Secrets are the same before and after.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "engine/util/base64.h"
#include "tests/support/clusters.h"
#include "tests/support/commands.h"
#include "tests/support/json_schema.h"

namespace meshform::testing {
namespace {

using nlohmann::json;

std::string Seed() {
  return std::string(MESHFORM_SOURCE_DIR) + "/examples/seed-two-networks/topology.yaml";
}

json ParseOrFail(const CommandResult& r) {
  try {
    return json::parse(r.out);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not JSON: " << e.what() << "\n" << r.out << r.err;
    return json::object();
  }
}

TEST(CheckOnClusters, PreflightPassesThenTheAppliedMeshChecksClean) {
  TestContexts(2);
  auto pre = Meshform("check --pre -o json -f " + Seed());
  EXPECT_EQ(pre.exit_code, 0) << pre.out << pre.err;
  json doc = ParseOrFail(pre);
  EXPECT_EQ(SchemaViolations("check.schema.json", doc), std::vector<std::string>{});
  EXPECT_EQ(doc.value("result", ""), "pass") << doc.dump(2);
  EXPECT_EQ(doc.value("kind", ""), "preflight");

  auto drift = Meshform("check -f " + Seed());
  EXPECT_EQ(drift.exit_code, 1) << drift.out << drift.err;
  EXPECT_NE(drift.out.find("objects differ from the topology"), std::string::npos) << drift.out;

  auto applied = Meshform("apply -auto-approve -f " + Seed());
  ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
  auto clean = Meshform("check -o json -f " + Seed());
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  json verified = ParseOrFail(clean);
  EXPECT_EQ(SchemaViolations("check.schema.json", verified), std::vector<std::string>{});
  EXPECT_EQ(verified.value("result", ""), "pass") << verified.dump(2);
  auto destroyed = Meshform("destroy -auto-approve -f " + Seed());
  EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
}

// A ServiceAccount in every cluster that may read everything but write only ConfigMaps, Leases
// and Namespaces, and a kubeconfig with the same contexts authenticating as it.
class Restricted {
 public:
  explicit Restricted(const std::vector<std::string>& contexts) : contexts_(contexts) {
    name_ = UniqueName("mf-limited");
    for (const auto& c : contexts_) {
      auto r = Kubectl(c, "apply -f -", Manifests());
      EXPECT_EQ(r.exit_code, 0) << r.err;
    }
    kubeconfig_ = MakeTempDir("meshform-limited") + "/kubeconfig";
    WriteFile(kubeconfig_, Kubeconfig().dump(2));
  }
  ~Restricted() {
    for (const auto& c : contexts_) {
      Kubectl(c, "delete --wait=false clusterrolebinding/" + name_ + " clusterrole/" + name_ +
                     " namespace/" + name_);
    }
  }
  const std::string& kubeconfig() const { return kubeconfig_; }
  const std::string& name() const { return name_; }

 private:
  std::string Manifests() const {
    return "apiVersion: v1\nkind: Namespace\nmetadata: {name: " + name_ +
           "}\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: deployer, namespace: " +
           name_ +
           "}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: "
           "{name: " +
           name_ +
           "}\nrules:\n"
           "- {apiGroups: ['*'], resources: ['*'], verbs: [get, list, watch]}\n"
           "- {apiGroups: [''], resources: [configmaps], verbs: ['*']}\n"
           "- {apiGroups: [coordination.k8s.io], resources: [leases], verbs: ['*']}\n"
           "- {apiGroups: [''], resources: [namespaces], verbs: [create, delete]}\n"
           "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: "
           "{name: " +
           name_ +
           "}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: " + name_ +
           "}\nsubjects: [{kind: ServiceAccount, name: deployer, namespace: " + name_ + "}]\n";
  }

  // The token the token controller puts into the ServiceAccount's Secret.
  std::string Token(const std::string& context) const {
    for (int i = 0; i < 300; ++i) {
      auto secret =
          Kubectl(context, "get sa deployer -n " + name_ + " -o jsonpath={.secrets[0].name}");
      if (secret.exit_code == 0 && !secret.out.empty()) {
        auto token = Kubectl(
            context, "get secret " + secret.out + " -n " + name_ + " -o jsonpath={.data.token}");
        if (token.exit_code == 0 && !token.out.empty())
          return util::Base64Decode(token.out).value_or("");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    ADD_FAILURE() << context << ": the ServiceAccount's token Secret was not filled";
    return "";
  }

  json Kubeconfig() const {
    json out = {{"apiVersion", "v1"},
                {"kind", "Config"},
                {"clusters", json::array()},
                {"users", json::array()},
                {"contexts", json::array()}};
    for (const auto& c : contexts_) {
      auto view = Kubectl(c, "config view --raw --flatten --minify -o json");
      EXPECT_EQ(view.exit_code, 0) << view.err;
      json cluster = json::parse(view.out)["clusters"][0];
      cluster["name"] = c;
      out["clusters"].push_back(cluster);
      out["users"].push_back({{"name", c}, {"user", {{"token", Token(c)}}}});
      out["contexts"].push_back({{"name", c}, {"context", {{"cluster", c}, {"user", c}}}});
    }
    return out;
  }

  std::vector<std::string> contexts_;
  std::string name_;
  std::string kubeconfig_;
};

// What a write of the seed would change first: namespaces, Leases, ConfigMaps, Secrets and
// ServiceAccounts, by uid; lines that mention `ignore` (the restricted user's own) left out.
std::string Snapshot(const std::vector<std::string>& contexts, const std::string& ignore) {
  std::string out;
  for (const auto& c : contexts) {
    for (const char* what :
         {"namespaces", "leases -A", "configmaps -A", "secrets -A", "serviceaccounts -A"}) {
      auto r = Kubectl(c, std::string("get ") + what +
                              " -o custom-columns=NS:.metadata.namespace,"
                              "NAME:.metadata.name,UID:.metadata.uid");
      EXPECT_EQ(r.exit_code, 0) << r.err;
      out += c + " " + what + "\n";
      std::istringstream lines(r.out);
      for (std::string line; std::getline(lines, line);) {
        if (line.find(ignore) == std::string::npos) out += line + "\n";
      }
    }
  }
  return out;
}

TEST(CheckOnClusters, ARestrictedUserIsToldEveryMissingPermissionAndApplyWritesNothing) {
  auto contexts = TestContexts(2);
  contexts.resize(2);  // beijing and shanghai, as the seed names them
  Restricted user(contexts);
  const std::string as_user = " --kubeconfig " + user.kubeconfig() + " -f " + Seed();

  auto pre = Meshform("check --pre" + as_user);
  EXPECT_EQ(pre.exit_code, 1) << pre.out << pre.err;
  for (const auto& c : contexts) {
    EXPECT_NE(pre.out.find("\u00d7 " + c + ": "), std::string::npos) << pre.out;
  }
  EXPECT_NE(pre.out.find("permissions the plan needs are missing"), std::string::npos) << pre.out;
  EXPECT_NE(pre.out.find("patch apps/deployments in namespace"), std::string::npos) << pre.out;
  EXPECT_NE(pre.out.find("create secrets in namespace istio-system"), std::string::npos) << pre.out;
  EXPECT_EQ(pre.out.find("configmaps in namespace"), std::string::npos)
      << "a permission the user has is listed as missing:\n"
      << pre.out;
  EXPECT_EQ(pre.out.find("leases"), std::string::npos) << pre.out;

  std::string before = Snapshot(contexts, user.name());
  auto apply = Meshform("apply -auto-approve" + as_user);
  EXPECT_EQ(apply.exit_code, 1) << apply.out << apply.err;
  EXPECT_NE(apply.err.find("the preflight found what this run may not do; nothing was changed"),
            std::string::npos)
      << apply.err;
  EXPECT_NE(apply.err.find("patch apps/deployments in namespace"), std::string::npos) << apply.err;
  EXPECT_EQ(Snapshot(contexts, user.name()), before) << "the refused apply changed a cluster";
}

}  // namespace
}  // namespace meshform::testing
