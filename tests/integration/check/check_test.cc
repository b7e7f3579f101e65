// `meshform check` and the preflight of apply on the local clusters, through the binary, with
// the seed example:
//   * fresh clusters: `check --pre` passes on the seed and its JSON follows
//     schemas/check.schema.json; before an apply `check` reports the drift; after an apply of
//     examples/direct (the seed's mesh and workloads without KubeFed, so that the faults below
//     are made on objects meshform writes itself) `check` passes; destroy cleans up (the seed
//     itself checks clean after apply in SeedEndState, with the local KubeFed stand-in);
//   * the multi-primary example (three clusters, an istiod each) checks clean after apply;
//   * on that one applied mesh, each fault is caught and named by cluster with its hint: istiod
//     scaled to zero (`--wait` fails at its deadline, and turns green when it is scaled back up
//     during the wait), the network label removed from istio-system, a Service port changed in
//     one cluster, the reader ClusterRoleBinding deleted (the remote secret no longer
//     authorised; its token appears in no output); `meshform apply` then makes `check` pass;
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

#include "engine/pki/ca.h"
#include "engine/pki/cacerts.h"
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

std::string Direct() { return std::string(MESHFORM_SOURCE_DIR) + "/examples/direct/topology.yaml"; }

json ParseOrFail(const CommandResult& r) {
  try {
    return json::parse(r.out);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not JSON: " << e.what() << "\n" << r.out << r.err;
    return json::object();
  }
}

json Category(const json& doc, const std::string& name) {
  for (const auto& c : doc.value("categories", json::array()))
    if (c.value("name", "") == name) return c;
  return json::object();
}

// Runs `check` (with `extra` options) and expects it to fail with `line` (one check's line, with
// its mark and cluster) and `hint` in the text.
CommandResult ExpectFailure(const std::string& extra, const std::string& line,
                            const std::string& hint) {
  auto r = Meshform("check" + extra + " -f " + Direct());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("\u00d7 " + line), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("hint: " + hint), std::string::npos) << r.out;
  return r;
}

void Run(const std::string& context, const std::string& args) {
  auto r = Kubectl(context, args);
  ASSERT_EQ(r.exit_code, 0) << "kubectl " << args << ": " << r.err;
}

void IstiodScaledToZeroIsWaitedFor() {
  const std::string scale = "-n istio-system scale deploy/istiod-1-7-2 --replicas=";
  Run("beijing", scale + "0");
  ExpectFailure("",
                "beijing: istiod istio-system/istiod-1-7-2 in beijing is not available: it is "
                "scaled to 0 replicas",
                "`kubectl --context beijing -n istio-system rollout status deploy/istiod-1-7-2`");
  auto deadline = Meshform("check --wait 3s -f " + Direct());
  EXPECT_EQ(deadline.exit_code, 1) << deadline.out << deadline.err;
  EXPECT_NE(deadline.err.find("still failing after 3s"), std::string::npos) << deadline.err;

  std::thread fix([&] {
    std::this_thread::sleep_for(std::chrono::seconds(4));
    Kubectl("beijing", scale + "1");
  });
  auto waited = Meshform("check --wait 60s -f " + Direct());
  fix.join();
  EXPECT_EQ(waited.exit_code, 0) << waited.out << waited.err;
  EXPECT_NE(waited.err.find("waiting: "), std::string::npos) << waited.err;
  EXPECT_NE(waited.out.find("\u2713 beijing: istiod istio-system/istiod-1-7-2 is available in "
                            "beijing"),
            std::string::npos)
      << waited.out;
}

void NetworkLabelRemovedIsNamed() {
  Run("shanghai", "label namespace istio-system topology.istio.io/network-");
  ExpectFailure("",
                "shanghai: namespace istio-system in shanghai has no label "
                "topology.istio.io/network (the topology says network2)",
                "`kubectl --context shanghai label namespace istio-system "
                "topology.istio.io/network=network2 --overwrite`, or `meshform apply`");
  Run("shanghai", "label namespace istio-system topology.istio.io/network=network2");
}

void ServicePortChangedInOneClusterIsNamed() {
  const std::string patch =
      "-n sample patch service helloworld --type=json -p "
      "'[{\"op\":\"replace\",\"path\":\"/spec/ports/0/port\",\"value\":";
  Run("shanghai", patch + "5001}]'");
  auto r = ExpectFailure("", "shanghai: Service sample/helloworld differs in shanghai",
                         "restore the topology's ports with `kubectl --context shanghai -n "
                         "sample edit service helloworld`");
  EXPECT_NE(r.out.find("    shanghai: http 5001/TCP"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("    beijing: http"), std::string::npos) << r.out;
  Run("shanghai", patch + "5000}]'");
}

// The token in the remote secret's kubeconfig: the reader's token Secret in shanghai.
std::string ReaderToken() {
  auto r = Kubectl("shanghai",
                   "-n istio-system get secret "
                   "istio-reader-service-account-istio-remote-secret-token -o "
                   "jsonpath={.data.token}");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string token = util::Base64Decode(r.out).value_or("");
  EXPECT_GT(token.size(), 20u);
  return token;
}

void RemoteSecretNoLongerAuthorisedIsNamed() {
  const std::string token = ReaderToken();
  Run("shanghai", "delete clusterrolebinding istio-reader-clusterrole-1-7-2-istio-system");
  auto text = ExpectFailure(
      "",
      "shanghai: the remote secret istio-system/istio-remote-secret-shanghai in beijing, "
      "used against shanghai: 27 of 27 permissions istiod needs are refused to its "
      "credentials",
      "`meshform apply` restores the istio-reader-service-account");
  auto js = Meshform("check -o json -f " + Direct());
  EXPECT_EQ(js.exit_code, 1);
  json doc = ParseOrFail(js);
  EXPECT_EQ(SchemaViolations("check.schema.json", doc), std::vector<std::string>{});
  bool named = false;
  for (const auto& c : Category(doc, "control-plane").value("checks", json::array())) {
    named = named || (c.value("name", "") == "remote-secret" &&
                      c.value("cluster", "") == "shanghai" && c.value("result", "") == "fail");
  }
  EXPECT_TRUE(named) << doc.dump(2);
  for (const auto* output : {&text.out, &text.err, &js.out, &js.err}) {
    EXPECT_EQ(output->find(token), std::string::npos) << "the remote secret's token was printed";
  }
}

// shanghai's cacerts given a root of another CA (as after a hand-made `cacerts` from another
// mesh): same-root names shanghai, and so does its intermediate, which no longer chains to the
// mesh's root. The original root is put back with the same manager, so no conflict stays.
void ForeignRootInOneClusterIsNamed() {
  const std::string get =
      "-n istio-system get secret cacerts -o 'jsonpath={.data.root-cert\\.pem}'";
  auto original = Kubectl("shanghai", get);
  ASSERT_EQ(original.exit_code, 0) << original.err;
  ASSERT_FALSE(original.out.empty());
  const std::string dir = MakeTempDir("meshform-foreign-root");
  auto made = RunCommand("openssl req -x509 -newkey rsa:2048 -nodes -keyout " + dir +
                         "/key.pem -out " + dir + "/cert.pem -days 30 -subj /CN=foreign-root");
  ASSERT_EQ(made.exit_code, 0) << made.err;
  auto patch = [](const std::string& b64) {
    return "-n istio-system patch secret cacerts -p '{\"data\":{\"root-cert.pem\":\"" + b64 +
           "\"}}'";
  };
  Run("shanghai", patch(util::Base64Encode(ReadFile(dir + "/cert.pem"))));
  auto r = ExpectFailure("", "the clusters do not share one root",
                         "the root of beijing is taken as the mesh's; `meshform apply` writes the "
                         "topology's root everywhere (`--force-conflicts` when the plan shows "
                         "another manager wrote cacerts)");
  EXPECT_NE(r.out.find("    shanghai holds another root"), std::string::npos) << r.out;
  // The topology's root is the one meshform generated and keeps: shanghai's is not it.
  EXPECT_NE(r.out.find("\u00d7 the clusters' cacerts do not hold the topology's root"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("    shanghai holds another root than the Secret "
                       "meshform-system/meshform-root-ca-helloworld-direct in beijing, generated "
                       "by meshform"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("    beijing holds another root than"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\u00d7 shanghai: the intermediate CA is not usable"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("\u00d7 beijing: the intermediate"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("PRIVATE KEY"), std::string::npos) << "key material printed";
  Run("shanghai", patch(original.out));
}

// shanghai's intermediate replaced by one that the mesh's own root (read from meshform's Secret)
// issued 400 days ago for 365 days: it chains to the root but expired 35 days ago, and the check
// names it. The original keys are put back afterwards.
void ExpiredIntermediateIsNamed() {
  auto field = [](const std::string& context, const std::string& ns, const std::string& secret,
                  const std::string& key) {
    auto r = Kubectl(context,
                     "-n " + ns + " get secret " + secret + " -o 'jsonpath={.data." + key + "}'");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  };
  const std::string root_secret = "meshform-root-ca-helloworld-direct";
  pki::CaBundle root{
      util::Base64Decode(field("beijing", "meshform-system", root_secret, "ca\\.crt")).value_or(""),
      util::Base64Decode(field("beijing", "meshform-system", root_secret, "ca\\.key"))
          .value_or("")};
  ASSERT_FALSE(root.cert_pem.empty());
  ASSERT_FALSE(root.key_pem.empty());
  pki::IntermediateParams params;
  params.cluster = "shanghai";
  params.validity_days = 365;
  params.key_type = pki::KeyType::kEcdsaP256;
  auto expired = pki::IssueIntermediate(
      root, params, std::chrono::system_clock::now() - std::chrono::hours(24 * 400));
  json original = json::object(), replaced = json::object();
  for (const char* key : {"ca-cert.pem", "ca-key.pem", "cert-chain.pem"}) {
    std::string escaped = key;
    escaped.replace(escaped.find('.'), 1, "\\.");
    original[key] = field("shanghai", "istio-system", "cacerts", escaped);
  }
  for (const auto& [key, value] : pki::CacertsData(expired, root.cert_pem))
    if (key != "root-cert.pem") replaced[key] = util::Base64Encode(value);
  auto patch = [](const json& data) {
    return "-n istio-system patch secret cacerts -p '" + json{{"data", data}}.dump() + "'";
  };
  Run("shanghai", patch(replaced));
  auto r = ExpectFailure("", "shanghai: the intermediate CA is not usable: expired 35 days ago",
                         "`meshform apply` issues a new one from the root");
  EXPECT_EQ(r.out.find("\u00d7 beijing: the intermediate"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("PRIVATE KEY"), std::string::npos) << "key material printed";
  Run("shanghai", patch(original));
}

// The east-west gateway Service of shanghai made a ClusterIP Service: 1.20 keeps its last load
// balancer status, yet no load balancer serves it, and the check says so.
void GatewayNoLongerALoadBalancerIsNamed() {
  const std::string patch =
      "-n istio-system patch service istio-ingressgateway -p "
      "'{\"spec\":{\"type\":\"";
  Run("shanghai", patch + "ClusterIP\"}}'");
  ExpectFailure("",
                "shanghai: the gateway Service istio-system/istio-ingressgateway in shanghai is "
                "of type ClusterIP, not LoadBalancer: other networks cannot reach shanghai",
                "`meshform apply` restores its type");
  Run("shanghai", patch + "LoadBalancer\"}}'");
}

// The same topology with an intermediate renewal window longer than what is left of the live
// intermediates (valid 365 days, renewed within 365 of 366): every cluster's is named.
void IntermediateWithinItsRenewalWindowIsNamed() {
  std::string text = ReadFile(Direct());
  const std::string validity = "  intermediate:\n    validityDays: 365\n";
  ASSERT_NE(text.find(validity), std::string::npos) << "examples/direct changed its CA";
  text.replace(text.find(validity), validity.size(),
               "  intermediate:\n    validityDays: 366\n    renewBeforeDays: 365\n");
  const std::string renderer = "../../tools/istio-renderer";
  ASSERT_NE(text.find(renderer), std::string::npos);
  text.replace(text.find(renderer), renderer.size(),
               std::string(MESHFORM_SOURCE_DIR) + "/tools/istio-renderer");
  const std::string file = MakeTempDir("meshform-renew") + "/topology.yaml";
  WriteFile(file, text);
  auto r = Meshform("check -f " + file);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  for (const char* cluster : {"beijing", "shanghai"}) {
    EXPECT_NE(r.out.find(std::string("\u00d7 ") + cluster +
                         ": the intermediate CA is not usable: expires in 364 days (threshold "
                         "365)"),
              std::string::npos)
        << r.out;
  }
  EXPECT_NE(r.out.find("hint: `meshform apply` issues a new one from the root"), std::string::npos)
      << r.out;
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

  auto applied = Meshform("apply -auto-approve -f " + Direct());
  ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
  auto clean = Meshform("check -o json -f " + Direct());
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  json verified = ParseOrFail(clean);
  EXPECT_EQ(SchemaViolations("check.schema.json", verified), std::vector<std::string>{});
  EXPECT_EQ(verified.value("result", ""), "pass") << verified.dump(2);
  for (const char* category : {"control-plane", "networks", "workloads"}) {
    EXPECT_EQ(Category(verified, category).value("checks", json::array()).size() > 0, true)
        << category << " did not run:\n"
        << verified.dump(2);
  }

  IstiodScaledToZeroIsWaitedFor();
  NetworkLabelRemovedIsNamed();
  ServicePortChangedInOneClusterIsNamed();
  RemoteSecretNoLongerAuthorisedIsNamed();
  ForeignRootInOneClusterIsNamed();
  GatewayNoLongerALoadBalancerIsNamed();
  IntermediateWithinItsRenewalWindowIsNamed();
  ExpiredIntermediateIsNamed();
  auto restored = Meshform("apply -auto-approve -f " + Direct());
  EXPECT_EQ(restored.exit_code, 0) << restored.out << restored.err;
  auto green = Meshform("check -f " + Direct());
  EXPECT_EQ(green.exit_code, 0) << "`meshform apply` did not restore the mesh:\n" << green.out;

  auto destroyed = Meshform("destroy -auto-approve -f " + Direct());
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

// A kubeconfig whose shanghai context points at a port nothing listens on: `check` names
// shanghai with the server's address, reads nothing more that needs every cluster, and is done in
// seconds (the probe's short timeouts, not a minute of retries).
TEST(CheckOnClusters, AnUnreachableContextIsNamedWithItsServer) {
  TestContexts(2);
  const std::string kubeconfig = MakeTempDir("meshform-unreachable") + "/kubeconfig";
  WriteFile(kubeconfig, ReadFile(TestKubeconfig()));
  auto cluster = RunCommand("kubectl --kubeconfig " + kubeconfig +
                            " config view -o jsonpath='{.contexts[?(@.name==\"shanghai\")]"
                            ".context.cluster}'");
  ASSERT_EQ(cluster.exit_code, 0) << cluster.err;
  ASSERT_FALSE(cluster.out.empty());
  auto set = RunCommand("kubectl --kubeconfig " + kubeconfig + " config set-cluster " +
                        cluster.out + " --server=https://127.0.0.1:1");
  ASSERT_EQ(set.exit_code, 0) << set.err;
  auto r = Meshform("check --kubeconfig " + kubeconfig + " -f " + Direct());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("\u00d7 shanghai: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("hint: check that the API server at https://127.0.0.1:1 runs and is "
                       "reachable from here"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("\u00d7 beijing"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 cannot be used"), std::string::npos) << r.out;
}

TEST(CheckOnClusters, TheMultiPrimaryExampleChecksCleanAfterApply) {
  TestContexts(3);
  const std::string file =
      std::string(MESHFORM_SOURCE_DIR) + "/examples/multi-primary/topology.yaml";
  auto applied = Meshform("apply -auto-approve -f " + file);
  ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
  auto checked = Meshform("check -o json -f " + file);
  EXPECT_EQ(checked.exit_code, 0) << checked.out << checked.err;
  json doc = ParseOrFail(checked);
  EXPECT_EQ(SchemaViolations("check.schema.json", doc), std::vector<std::string>{});
  EXPECT_EQ(doc.value("result", ""), "pass") << doc.dump(2);
  // Every primary reads the two others: a remote secret per pair, each reviewed.
  size_t remote_secrets = 0;
  for (const auto& c : Category(doc, "control-plane").value("checks", json::array()))
    remote_secrets += c.value("name", "") == "remote-secret" ? 1 : 0;
  EXPECT_EQ(remote_secrets, 6u) << doc.dump(2);
  auto destroyed = Meshform("destroy -auto-approve -f " + file);
  EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
}

}  // namespace
}  // namespace meshform::testing
