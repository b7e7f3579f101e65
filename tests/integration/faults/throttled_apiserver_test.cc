// A cluster of the test's own whose kube-apiserver runs API Priority and Fairness with tiny
// in-flight limits (1 + 1), and a priority level for meshform's identity (a ServiceAccount
// bound to cluster-admin: system:masters would be exempt) that rejects rather than queues: the
// server answers real 429s while meshform applies, and the apply still succeeds. That 429s
// happened is read from the server's own metrics.
#include <gtest/gtest.h>

#include <regex>

#include "tests/integration/faults/fault_support.h"
#include "tests/support/clusters.h"
#include "tests/support/topology_gen.h"

namespace meshform::testing {
namespace {

const char* kFlowControl = R"(apiVersion: v1
kind: ServiceAccount
metadata: {name: meshform-tester, namespace: kube-system}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: meshform-tester}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects: [{kind: ServiceAccount, name: meshform-tester, namespace: kube-system}]
---
apiVersion: flowcontrol.apiserver.k8s.io/v1beta1
kind: PriorityLevelConfiguration
metadata: {name: meshform-tiny}
spec:
  type: Limited
  limited: {assuredConcurrencyShares: 1, limitResponse: {type: Reject}}
---
apiVersion: flowcontrol.apiserver.k8s.io/v1beta1
kind: FlowSchema
metadata: {name: meshform-tester}
spec:
  priorityLevelConfiguration: {name: meshform-tiny}
  matchingPrecedence: 500
  distinguisherMethod: {type: ByUser}
  rules:
  - subjects: [{kind: ServiceAccount, serviceAccount: {name: meshform-tester, namespace: kube-system}}]
    resourceRules: [{verbs: ["*"], apiGroups: ["*"], resources: ["*"], clusterScope: true, namespaces: ["*"]}]
    nonResourceRules: [{verbs: ["*"], nonResourceURLs: ["*"]}]
)";

// The number of requests the server rejected at priority level meshform-tiny, from /metrics.
long Rejected(const std::string& kubectl) {
  auto metrics = RunCommand(kubectl + " get --raw /metrics");
  long total = 0;
  std::regex line(
      R"(apiserver_flowcontrol_rejected_requests_total\{[^}]*priority_level="meshform-tiny"[^}]*\} (\d+))");
  for (std::sregex_iterator it(metrics.out.begin(), metrics.out.end(), line), end; it != end;
       ++it) {
    total += std::stol((*it)[1]);
  }
  return total;
}

TEST(ThrottledApiserver, ApplySucceedsThroughReal429s) {
  const std::string name = "throttled";
  ExtraCluster cluster(name,
                       "--enable-priority-and-fairness=true --max-requests-inflight=1 "
                       "--max-mutating-requests-inflight=1");
  ASSERT_TRUE(cluster.started()) << cluster.start_log();
  std::string kubectl = "kubectl --kubeconfig '" + cluster.kubeconfig() + "' --context " + name;
  auto setup = RunCommand(kubectl + " apply -f -", kFlowControl);
  ASSERT_EQ(setup.exit_code, 0) << setup.err;
  std::string secret;
  ASSERT_TRUE(WaitFor(
      [&] {
        secret = RunCommand(kubectl +
                            " -n kube-system get sa meshform-tester -o "
                            "jsonpath='{.secrets[0].name}'")
                     .out;
        return !secret.empty();
      },
      60));
  auto token = RunCommand(kubectl + " -n kube-system get secret " + secret +
                          " -o jsonpath='{.data.token}' | base64 -d");
  auto server =
      RunCommand(kubectl + " config view --raw -o jsonpath='{.clusters[0].cluster.server}'");
  auto ca = RunCommand(kubectl +
                       " config view --raw -o "
                       "jsonpath='{.clusters[0].cluster.certificate-authority-data}'");
  ASSERT_FALSE(token.out.empty() || server.out.empty() || ca.out.empty()) << token.err << ca.err;
  std::string kubeconfig = cluster.dir() + "/throttled-user.kubeconfig";
  WriteFile(kubeconfig,
            "apiVersion: v1\nkind: Config\nclusters:\n- name: " + name + "\n  cluster: {server: '" +
                server.out + "', certificate-authority-data: " + ca.out +
                "}\nusers:\n- name: u\n"
                "  user: {token: " +
                token.out + "}\ncontexts:\n- name: " + name + "\n  context: {cluster: " + name +
                ", user: u}\ncurrent-context: " + name + "\n");

  std::string file = cluster.dir() + "/topology.yaml";
  WriteFile(file, GeneratedTopology("throttled", 6, {name}, UniqueName("throttled")));
  std::string meshform =
      "KUBECONFIG='" + kubeconfig + "' NO_COLOR=1 timeout -s KILL 150 " MESHFORM_BINARY " ";
  long rejected_before = Rejected(kubectl);
  auto apply = RunCommand(meshform + "apply -f " + file + " -auto-approve");
  long rejected = Rejected(kubectl) - rejected_before;
  EXPECT_EQ(apply.exit_code, 0) << apply.out << apply.err;
  EXPECT_GT(rejected, 0) << "the server answered no 429s: the test throttled nothing";
  std::cerr << "429s during the apply: " << rejected << "\n";
  auto plan = RunCommand(meshform + "plan -f " + file + " --detailed-exitcode");
  EXPECT_EQ(plan.exit_code, 0) << plan.out << plan.err;
}

}  // namespace
}  // namespace meshform::testing
