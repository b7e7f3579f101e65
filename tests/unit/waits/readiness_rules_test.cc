// Proves each row of the readiness table: which rule an object gets, and when that rule says
// ready, in progress or failed.
#include <gtest/gtest.h>

#include "engine/readiness/rules.h"

namespace meshform::readiness {
namespace {

using nlohmann::json;

Readiness StateOf(const json& object) { return RuleFor(object).check(object).state; }
std::string MessageOf(const json& object) { return RuleFor(object).check(object).message; }

json Namespace(const json& status) {
  return {{"apiVersion", "v1"},
          {"kind", "Namespace"},
          {"metadata", {{"name", "n"}}},
          {"status", status}};
}

TEST(NamespaceRule, ReadyOnlyWhenActive) {
  EXPECT_EQ(RuleFor(Namespace({})).name, "Namespace Active");
  EXPECT_EQ(StateOf(Namespace({{"phase", "Active"}})), Readiness::kReady);
  EXPECT_EQ(StateOf(Namespace({{"phase", "Terminating"}})), Readiness::kInProgress);
  EXPECT_EQ(StateOf(Namespace(json::object())), Readiness::kInProgress);
}

json Crd(const json& conditions) {
  return {{"apiVersion", "apiextensions.k8s.io/v1"},
          {"kind", "CustomResourceDefinition"},
          {"metadata", {{"name", "widgets.example.io"}}},
          {"status", {{"conditions", conditions}}}};
}

TEST(CrdRule, EstablishedTrueIsReady) {
  json crd = Crd({{{"type", "NamesAccepted"}, {"status", "True"}},
                  {{"type", "Established"}, {"status", "True"}}});
  EXPECT_EQ(RuleFor(crd).name, "CRD Established");
  EXPECT_EQ(StateOf(crd), Readiness::kReady);
}

TEST(CrdRule, NotYetEstablishedIsInProgress) {
  EXPECT_EQ(StateOf(Crd(json::array())), Readiness::kInProgress);
  EXPECT_EQ(StateOf(Crd({{{"type", "Established"}, {"status", "False"}}})), Readiness::kInProgress);
}

TEST(CrdRule, NamesNotAcceptedFails) {
  json crd = Crd({{{"type", "NamesAccepted"}, {"status", "False"}, {"message", "plural taken"}},
                  {{"type", "Established"}, {"status", "False"}}});
  EXPECT_EQ(StateOf(crd), Readiness::kFailed);
  EXPECT_NE(MessageOf(crd).find("plural taken"), std::string::npos);
}

json Deployment(json spec, json status, int generation = 1) {
  return {{"apiVersion", "apps/v1"},
          {"kind", "Deployment"},
          {"metadata", {{"name", "d"}, {"namespace", "n"}, {"generation", generation}}},
          {"spec", std::move(spec)},
          {"status", std::move(status)}};
}

json Counts(int observed, int replicas, int updated, int available) {
  return {{"observedGeneration", observed},
          {"replicas", replicas},
          {"updatedReplicas", updated},
          {"availableReplicas", available}};
}

TEST(DeploymentRule, DefaultsToOneReplica) {
  json ready = Deployment(json::object(), Counts(1, 1, 1, 1));
  EXPECT_EQ(RuleFor(ready).name, "Deployment available");
  EXPECT_EQ(StateOf(ready), Readiness::kReady);
  EXPECT_EQ(StateOf(Deployment(json::object(), Counts(1, 1, 1, 0))), Readiness::kInProgress);
}

TEST(DeploymentRule, WaitsForObservedGeneration) {
  json lagging = Deployment({{"replicas", 1}}, Counts(1, 1, 1, 1), 2);
  EXPECT_EQ(StateOf(lagging), Readiness::kInProgress);
  EXPECT_NE(MessageOf(lagging).find("generation 2"), std::string::npos);
  EXPECT_EQ(StateOf(Deployment({{"replicas", 1}}, json::object())), Readiness::kInProgress);
}

TEST(DeploymentRule, CountsUpdatedAvailableAndOldReplicas) {
  json spec = {{"replicas", 3}};
  EXPECT_EQ(StateOf(Deployment(spec, Counts(1, 3, 2, 3))), Readiness::kInProgress);
  EXPECT_EQ(MessageOf(Deployment(spec, Counts(1, 3, 3, 2))), "2 of 3 replicas available");
  EXPECT_EQ(StateOf(Deployment(spec, Counts(1, 4, 3, 3))), Readiness::kInProgress);
  EXPECT_EQ(StateOf(Deployment(spec, Counts(1, 3, 3, 3))), Readiness::kReady);
}

TEST(DeploymentRule, ZeroReplicasIsReadyAtOnce) {
  EXPECT_EQ(StateOf(Deployment({{"replicas", 0}}, Counts(1, 0, 0, 0))), Readiness::kReady);
}

TEST(DeploymentRule, ProgressDeadlineExceededFails) {
  json status = Counts(1, 1, 0, 0);
  status["conditions"] = {{{"type", "Progressing"},
                           {"status", "False"},
                           {"reason", "ProgressDeadlineExceeded"},
                           {"message", "ReplicaSet d-1 has timed out progressing"}}};
  EXPECT_EQ(StateOf(Deployment({{"replicas", 1}}, status)), Readiness::kFailed);
}

json Service(const std::string& type, json status) {
  return {{"apiVersion", "v1"},
          {"kind", "Service"},
          {"metadata", {{"name", "s"}, {"namespace", "n"}}},
          {"spec", {{"type", type}}},
          {"status", std::move(status)}};
}

TEST(ServiceRule, LoadBalancerNeedsAnIngressAddress) {
  json pending = Service("LoadBalancer", {{"loadBalancer", json::object()}});
  EXPECT_EQ(RuleFor(pending).name, "Service load-balancer address");
  EXPECT_EQ(StateOf(pending), Readiness::kInProgress);
  json ready = Service("LoadBalancer", {{"loadBalancer", {{"ingress", {{{"ip", "127.0.1.1"}}}}}}});
  EXPECT_EQ(StateOf(ready), Readiness::kReady);
  EXPECT_NE(MessageOf(ready).find("127.0.1.1"), std::string::npos);
}

TEST(ServiceRule, OtherTypesAreReadyOnceTheyExist) {
  json cluster_ip = Service("ClusterIP", json::object());
  EXPECT_EQ(RuleFor(cluster_ip).name, "exists");
  EXPECT_TRUE(ReadyOnceExists(cluster_ip));
  EXPECT_FALSE(ReadyOnceExists(Service("LoadBalancer", json::object())));
}

json Secret(const std::string& type, json data) {
  return {{"apiVersion", "v1"},
          {"kind", "Secret"},
          {"metadata", {{"name", "s"}, {"namespace", "n"}}},
          {"type", type},
          {"data", std::move(data)}};
}

TEST(SecretRule, TokenSecretNeedsItsToken) {
  json waiting = Secret("kubernetes.io/service-account-token", {{"ca.crt", "Y2E="}});
  EXPECT_EQ(RuleFor(waiting).name, "service-account token issued");
  EXPECT_EQ(StateOf(waiting), Readiness::kInProgress);
  json issued = Secret("kubernetes.io/service-account-token", {{"token", "dG9r"}});
  EXPECT_EQ(StateOf(issued), Readiness::kReady);
  EXPECT_EQ(MessageOf(issued).find("dG9r"), std::string::npos);
}

TEST(SecretRule, OpaqueSecretIsReadyOnceItExists) {
  EXPECT_TRUE(ReadyOnceExists(Secret("Opaque", json::object())));
}

json Widget(json status, int generation = 1) {
  return {{"apiVersion", "example.io/v1"},
          {"kind", "Widget"},
          {"metadata", {{"name", "w"}, {"namespace", "n"}, {"generation", generation}}},
          {"status", std::move(status)}};
}

TEST(GenericRule, ReadyConditionDecidesForUnknownKinds) {
  json not_ready = Widget({{"conditions", {{{"type", "Ready"}, {"status", "False"}}}}});
  EXPECT_EQ(RuleFor(not_ready).name, "Ready condition");
  EXPECT_EQ(StateOf(not_ready), Readiness::kInProgress);
  json ready = Widget({{"conditions", {{{"type", "Ready"}, {"status", "True"}}}}});
  EXPECT_EQ(StateOf(ready), Readiness::kReady);
}

TEST(GenericRule, StaleObservedGenerationIsNotReady) {
  json stale = Widget(
      {{"observedGeneration", 1}, {"conditions", {{{"type", "Ready"}, {"status", "True"}}}}}, 2);
  EXPECT_EQ(StateOf(stale), Readiness::kInProgress);
}

TEST(GenericRule, UnknownKindsWithoutConditionsAreReadyButNeedALook) {
  json plain = Widget(json::object());
  EXPECT_EQ(RuleFor(plain).name, "exists");
  EXPECT_EQ(StateOf(plain), Readiness::kReady);
  EXPECT_FALSE(ReadyOnceExists(plain));
  json config_map = {{"apiVersion", "v1"}, {"kind", "ConfigMap"}, {"metadata", {{"name", "c"}}}};
  EXPECT_TRUE(ReadyOnceExists(config_map));
}

// A FederatedDeployment placed on beijing and shanghai, with KubeFed v0.x's status.
json FederatedDeployment(json status, int generation = 2) {
  return {
      {"apiVersion", "types.kubefed.io/v1beta1"},
      {"kind", "FederatedDeployment"},
      {"metadata", {{"name", "helloworld"}, {"namespace", "sample"}, {"generation", generation}}},
      {"spec", {{"placement", {{"clusters", {{{"name", "beijing"}}, {{"name", "shanghai"}}}}}}}},
      {"status", std::move(status)}};
}

json Propagation(const std::string& status, const std::string& reason = "") {
  json condition = {{"type", "Propagation"}, {"status", status}};
  if (!reason.empty()) condition["reason"] = reason;
  return json::array({condition});
}

json Workload(const std::string& api_version, const std::string& kind, const json& spec,
              const json& status) {
  return {{"apiVersion", api_version},
          {"kind", kind},
          {"metadata", {{"name", "w"}, {"namespace", "n"}, {"generation", 2}}},
          {"spec", spec},
          {"status", status}};
}

json StatefulSet(const json& spec, const json& status) {
  return Workload("apps/v1", "StatefulSet", spec, status);
}

TEST(StatefulSetRule, ReadyWhenEveryReplicaIsReadyAndTheRolloutIsDone) {
  json status = {{"observedGeneration", 2}, {"replicas", 3},          {"readyReplicas", 3},
                 {"updatedReplicas", 3},    {"currentRevision", "a"}, {"updateRevision", "a"}};
  json s = StatefulSet({{"replicas", 3}}, status);
  EXPECT_EQ(RuleFor(s).name, "StatefulSet ready");
  EXPECT_EQ(StateOf(s), Readiness::kReady);
  status["readyReplicas"] = 2;
  EXPECT_EQ(StateOf(StatefulSet({{"replicas", 3}}, status)), Readiness::kInProgress);
  EXPECT_EQ(MessageOf(StatefulSet({{"replicas", 3}}, status)), "2 of 3 replicas ready");
  status["readyReplicas"] = 3;
  status["updateRevision"] = "b";
  EXPECT_EQ(StateOf(StatefulSet({{"replicas", 3}}, status)), Readiness::kInProgress);
  status["observedGeneration"] = 1;
  status["updateRevision"] = "a";
  EXPECT_EQ(StateOf(StatefulSet({{"replicas", 3}}, status)), Readiness::kInProgress);
}

TEST(StatefulSetRule, PartitionAndOnDeleteRollouts) {
  json status = {{"observedGeneration", 2}, {"replicas", 4},          {"readyReplicas", 4},
                 {"updatedReplicas", 1},    {"currentRevision", "a"}, {"updateRevision", "b"}};
  json partitioned = {
      {"replicas", 4},
      {"updateStrategy", {{"type", "RollingUpdate"}, {"rollingUpdate", {{"partition", 2}}}}}};
  EXPECT_EQ(StateOf(StatefulSet(partitioned, status)), Readiness::kInProgress);
  status["updatedReplicas"] = 2;
  EXPECT_EQ(StateOf(StatefulSet(partitioned, status)), Readiness::kReady);
  json on_delete = {{"replicas", 4}, {"updateStrategy", {{"type", "OnDelete"}}}};
  status["updatedReplicas"] = 0;
  EXPECT_EQ(StateOf(StatefulSet(on_delete, status)), Readiness::kReady);
}

TEST(DaemonSetRule, ReadyWhenEveryNodeRunsAnUpdatedAvailablePod) {
  json status = {{"observedGeneration", 2},
                 {"desiredNumberScheduled", 2},
                 {"updatedNumberScheduled", 2},
                 {"numberAvailable", 1}};
  json d = Workload("apps/v1", "DaemonSet", json::object(), status);
  EXPECT_EQ(RuleFor(d).name, "DaemonSet available");
  EXPECT_EQ(StateOf(d), Readiness::kInProgress);
  EXPECT_EQ(MessageOf(d), "1 of 2 nodes' pods available");
  d["status"]["numberAvailable"] = 2;
  EXPECT_EQ(StateOf(d), Readiness::kReady);
  d["status"]["updatedNumberScheduled"] = 1;
  EXPECT_EQ(StateOf(d), Readiness::kInProgress);
  EXPECT_EQ(StateOf(Workload("apps/v1", "DaemonSet", json::object(), {{"observedGeneration", 2}})),
            Readiness::kInProgress);
  EXPECT_EQ(StateOf(Workload("apps/v1", "DaemonSet", json::object(),
                             {{"observedGeneration", 2}, {"desiredNumberScheduled", 0}})),
            Readiness::kReady);
}

TEST(JobRule, ReadyWhenCompleteFailedWhenFailed) {
  json running = {{"startTime", "2026-12-07T13:00:00Z"}, {"active", 1}};
  json j = Workload("batch/v1", "Job", json::object(), running);
  EXPECT_EQ(RuleFor(j).name, "Job complete");
  EXPECT_EQ(StateOf(j), Readiness::kInProgress);
  EXPECT_EQ(MessageOf(j), "running (0 succeeded, 1 active, 0 failed)");
  EXPECT_EQ(MessageOf(Workload("batch/v1", "Job", json::object(), json::object())), "not started");
  j["status"]["conditions"] = json::array({{{"type", "Complete"}, {"status", "True"}}});
  EXPECT_EQ(StateOf(j), Readiness::kReady);
  j["status"]["conditions"] =
      json::array({{{"type", "Failed"}, {"status", "True"}, {"reason", "BackoffLimitExceeded"}}});
  EXPECT_EQ(StateOf(j), Readiness::kFailed);
  EXPECT_NE(MessageOf(j).find("BackoffLimitExceeded"), std::string::npos);
}

TEST(KubefedRule, ReadyWhenPropagatedToEveryPlacedCluster) {
  json fed = FederatedDeployment({{"observedGeneration", 2},
                                  {"conditions", Propagation("True")},
                                  {"clusters", {{{"name", "shanghai"}}, {{"name", "beijing"}}}}});
  EXPECT_EQ(RuleFor(fed).name, "KubeFed propagated");
  EXPECT_EQ(StateOf(fed), Readiness::kReady);
  EXPECT_EQ(MessageOf(fed), "propagated to 2 clusters");
}

TEST(KubefedRule, NoStatusYetIsInProgress) {
  EXPECT_EQ(StateOf(FederatedDeployment(json::object())), Readiness::kInProgress);
}

TEST(KubefedRule, StaleGenerationIsInProgressEvenWhenTrue) {
  json fed = FederatedDeployment({{"observedGeneration", 1},
                                  {"conditions", Propagation("True")},
                                  {"clusters", {{{"name", "beijing"}}, {{"name", "shanghai"}}}}});
  EXPECT_EQ(StateOf(fed), Readiness::kInProgress);
  EXPECT_NE(MessageOf(fed).find("generation 2"), std::string::npos);
}

TEST(KubefedRule, ClusterWithErrorStatusIsNamed) {
  json fed = FederatedDeployment(
      {{"observedGeneration", 2},
       {"conditions", Propagation("False", "CheckClusters")},
       {"clusters", {{{"name", "beijing"}}, {{"name", "shanghai"}, {"status", "AlreadyExists"}}}}});
  EXPECT_EQ(StateOf(fed), Readiness::kInProgress);
  EXPECT_EQ(MessageOf(fed), "propagation CheckClusters (shanghai: AlreadyExists)");
}

TEST(KubefedRule, PlacedClusterMissingFromStatusIsInProgress) {
  json fed = FederatedDeployment({{"observedGeneration", 2},
                                  {"conditions", Propagation("True")},
                                  {"clusters", {{{"name", "beijing"}}}}});
  EXPECT_EQ(StateOf(fed), Readiness::kInProgress);
  EXPECT_EQ(MessageOf(fed), "not yet propagated to cluster shanghai");
}

TEST(KubefedRule, FederatedNamespaceAndServiceUseTheSameRule) {
  for (const char* kind : {"FederatedNamespace", "FederatedService"}) {
    json fed = FederatedDeployment(json::object());
    fed["kind"] = kind;
    EXPECT_EQ(RuleFor(fed).name, "KubeFed propagated") << kind;
  }
}

json Binding(const json& status) {
  return {
      {"apiVersion", "work.karmada.io/v1alpha2"},
      {"kind", "ResourceBinding"},
      {"metadata", {{"name", "helloworld-deployment"}, {"namespace", "sample"}, {"generation", 2}}},
      {"spec", {{"clusters", {{{"name", "beijing"}}, {{"name", "shanghai"}}}}}},
      {"status", status}};
}

json BindingConditions(const char* fully_applied) {
  return json::array({{{"type", "Scheduled"}, {"status", "True"}},
                      {{"type", "FullyApplied"}, {"status", fully_applied}}});
}

json Aggregated(const char* shanghai_health) {
  return json::array(
      {{{"clusterName", "beijing"}, {"applied", true}, {"health", "Healthy"}},
       {{"clusterName", "shanghai"}, {"applied", true}, {"health", shanghai_health}}});
}

TEST(KarmadaRule, ReadyWhenFullyAppliedAndEveryClusterHealthy) {
  json rb = Binding({{"schedulerObservedGeneration", 2},
                     {"conditions", BindingConditions("True")},
                     {"aggregatedStatus", Aggregated("Healthy")}});
  EXPECT_EQ(RuleFor(rb).name, "Karmada propagated");
  EXPECT_EQ(StateOf(rb), Readiness::kReady);
  EXPECT_EQ(MessageOf(rb), "propagated to 2 clusters");
}

TEST(KarmadaRule, UnhealthyMemberOrStaleGenerationIsInProgress) {
  json rb = Binding({{"schedulerObservedGeneration", 2},
                     {"conditions", BindingConditions("True")},
                     {"aggregatedStatus", Aggregated("Unhealthy")}});
  EXPECT_EQ(StateOf(rb), Readiness::kInProgress);
  EXPECT_EQ(MessageOf(rb), "cluster shanghai: health Unhealthy");
  rb["status"]["aggregatedStatus"] = Aggregated("Healthy");
  rb["status"]["schedulerObservedGeneration"] = 1;
  EXPECT_EQ(MessageOf(rb), "generation 2 not yet scheduled");
  rb["status"]["schedulerObservedGeneration"] = 2;
  rb["status"]["conditions"] = BindingConditions("False");
  EXPECT_EQ(MessageOf(rb), "not yet fully applied");
  EXPECT_EQ(StateOf(Binding(json::object())), Readiness::kInProgress);
}

TEST(KarmadaRule, PropagationPolicyIsJudgedByItsFirstTemplatesBinding) {
  json pp = {{"apiVersion", "policy.karmada.io/v1alpha1"},
             {"kind", "PropagationPolicy"},
             {"metadata", {{"name", "helloworld"}, {"namespace", "sample"}}},
             {"spec",
              {{"resourceSelectors",
                {{{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", "helloworld"}},
                 {{"apiVersion", "v1"}, {"kind", "Service"}, {"name", "helloworld"}}}}}}};
  EXPECT_EQ(ReadinessSubject(pp),
            (json{{"apiVersion", "work.karmada.io/v1alpha2"},
                  {"kind", "ResourceBinding"},
                  {"metadata", {{"name", "helloworld-deployment"}, {"namespace", "sample"}}}}));
  json deployment = {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}};
  EXPECT_EQ(ReadinessSubject(deployment), deployment);
}

TEST(Table, EveryRowHasANameAndACheck) {
  for (const ReadinessRule& rule : ReadinessRules()) {
    EXPECT_FALSE(rule.kind.empty());
    EXPECT_FALSE(rule.name.empty());
    EXPECT_TRUE(static_cast<bool>(rule.check)) << rule.name;
  }
}

}  // namespace
}  // namespace meshform::readiness
