// Proves what the Karmada stand-in computes for a resource template, as Karmada's
// PropagationPolicy, OverridePolicy and ResourceBinding are documented: which templates a
// policy selects, the clusters it places on, plaintext and labels overriders per target
// cluster (a path that does not resolve fails), the member object with Karmada's labels and
// without what controllers wrote, health, and the binding with its status.
#include "tools/stand-ins/karmada_objects.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace meshform::standins {
namespace {

using nlohmann::json;

// The helloworld template as the control plane returns it (server fields included).
json Template() {
  json labels = {{"app", "helloworld"}, {"version", "v1"}};
  return {{"apiVersion", "apps/v1"},
          {"kind", "Deployment"},
          {"metadata",
           {{"name", "helloworld"},
            {"namespace", "sample"},
            {"uid", "u-1"},
            {"resourceVersion", "42"},
            {"generation", 1},
            {"labels", labels},
            {"annotations", {{"deployment.kubernetes.io/revision", "1"}, {"team", "a"}}}}},
          {"spec",
           {{"replicas", 1},
            {"selector", {{"matchLabels", labels}}},
            {"template",
             {{"metadata", {{"labels", labels}}},
              {"spec",
               {{"containers",
                 json::array({{{"name", "helloworld"},
                               {"image", "docker.io/istio/examples-helloworld-v1"}}})}}}}}}},
          {"status", {{"replicas", 1}}}};
}

json Policy() {
  return {{"apiVersion", "policy.karmada.io/v1alpha1"},
          {"kind", "PropagationPolicy"},
          {"metadata", {{"name", "helloworld"}, {"namespace", "sample"}}},
          {"spec",
           {{"resourceSelectors",
             json::array(
                 {{{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", "helloworld"}}})},
            {"placement", {{"clusterAffinity", {{"clusterNames", {"beijing", "shanghai"}}}}}}}}};
}

json ShanghaiV2() {
  json plaintext = json::array(
      {{{"path", "/spec/template/spec/containers/0/image"},
        {"operator", "replace"},
        {"value", "docker.io/istio/examples-helloworld-v2"}},
       {{"path", "/spec/template/metadata/labels/version"},
        {"operator", "replace"},
        {"value", "v2"}},
       {{"path", "/spec/selector/matchLabels/version"}, {"operator", "replace"}, {"value", "v2"}},
       {{"path", "/metadata/labels/version"}, {"operator", "replace"}, {"value", "v2"}}});
  json rule = {{"targetCluster", {{"clusterNames", {"shanghai"}}}},
               {"overriders", {{"plaintext", plaintext}}}};
  return {{"apiVersion", "policy.karmada.io/v1alpha1"},
          {"kind", "OverridePolicy"},
          {"metadata", {{"name", "helloworld"}, {"namespace", "sample"}}},
          {"spec",
           {{"resourceSelectors", Policy()["spec"]["resourceSelectors"]},
            {"overrideRules", json::array({rule})}}}};
}

TEST(KarmadaObjects, SelectsByKindNameAndNamespace) {
  EXPECT_TRUE(SelectsTemplate(Policy(), Template()));
  json other = Template();
  other["metadata"]["name"] = "sleep";
  EXPECT_FALSE(SelectsTemplate(Policy(), other));
  other = Template();
  other["metadata"]["namespace"] = "default";
  EXPECT_FALSE(SelectsTemplate(Policy(), other));
  other = Template();
  other["kind"] = "StatefulSet";
  EXPECT_FALSE(SelectsTemplate(Policy(), other));
}

TEST(KarmadaObjects, PlacesOnNamedMembersMinusExcluded) {
  std::vector<std::string> members = {"beijing", "guangzhou", "shanghai"};
  EXPECT_EQ(PlacedClusters(Policy(), members), (std::vector<std::string>{"beijing", "shanghai"}));
  json p = Policy();
  p["spec"]["placement"]["clusterAffinity"] = {{"exclude", {"guangzhou"}}};
  EXPECT_EQ(PlacedClusters(p, members), (std::vector<std::string>{"beijing", "shanghai"}));
  p["spec"].erase("placement");
  EXPECT_EQ(PlacedClusters(p, members), members);
}

TEST(KarmadaObjects, MemberObjectOfTheOverriddenClusterRunsV2) {
  json member = MemberObject(Template(), Policy(), {ShanghaiV2()}, "shanghai");
  EXPECT_EQ(member["spec"]["template"]["spec"]["containers"][0]["image"],
            "docker.io/istio/examples-helloworld-v2");
  EXPECT_EQ(member["spec"]["selector"]["matchLabels"]["version"], "v2");
  EXPECT_EQ(member["metadata"]["labels"]["version"], "v2");
  EXPECT_EQ(member["metadata"]["labels"][kKarmadaManagedLabel], "true");
  EXPECT_EQ(member["metadata"]["labels"][kPolicyNameLabel], "helloworld");
  EXPECT_EQ(member["metadata"]["labels"][kPolicyNamespaceLabel], "sample");
  EXPECT_FALSE(member.contains("status"));
  EXPECT_FALSE(member["metadata"].contains("uid"));
  EXPECT_FALSE(member["metadata"].contains("resourceVersion"));
  EXPECT_EQ(member["metadata"]["annotations"], (json{{"team", "a"}}));
}

TEST(KarmadaObjects, OtherClustersGetTheTemplateAsItIs) {
  json member = MemberObject(Template(), Policy(), {ShanghaiV2()}, "guangzhou");
  EXPECT_EQ(member["spec"], Template()["spec"]);
  EXPECT_EQ(member["metadata"]["labels"]["version"], "v1");
}

TEST(KarmadaObjects, LabelsOverriderAddsAndRemoves) {
  json op = ShanghaiV2();
  op["spec"]["overrideRules"][0]["overriders"] = {
      {"labelsOverrider", json::array({{{"operator", "add"}, {"value", {{"tier", "web"}}}},
                                       {{"operator", "remove"}, {"value", {{"version", ""}}}}})}};
  json member = MemberObject(Template(), Policy(), {op}, "shanghai");
  EXPECT_EQ(member["metadata"]["labels"]["tier"], "web");
  EXPECT_FALSE(member["metadata"]["labels"].contains("version"));
}

TEST(KarmadaObjects, AnOverrideOnAMissingPathFails) {
  json op = ShanghaiV2();
  op["spec"]["overrideRules"][0]["overriders"]["plaintext"][0]["path"] = "/spec/nothing/here";
  EXPECT_THROW(MemberObject(Template(), Policy(), {op}, "shanghai"), std::runtime_error);
}

TEST(KarmadaObjects, ServiceMemberDropsTheClusterIp) {
  json service = {
      {"apiVersion", "v1"},
      {"kind", "Service"},
      {"metadata", {{"name", "helloworld"}, {"namespace", "sample"}}},
      {"spec",
       {{"clusterIP", "10.0.0.7"}, {"clusterIPs", {"10.0.0.7"}}, {"ports", json::array()}}}};
  json member = MemberObject(service, Policy(), {}, "shanghai");
  EXPECT_FALSE(member["spec"].contains("clusterIP"));
  EXPECT_FALSE(member["spec"].contains("clusterIPs"));
}

TEST(KarmadaObjects, DeploymentHealthyOnceAvailable) {
  json live = Template();
  live["status"] = {{"observedGeneration", 1}, {"replicas", 1}, {"updatedReplicas", 1}};
  EXPECT_EQ(Health(live), "Unhealthy");
  live["status"]["availableReplicas"] = 1;
  EXPECT_EQ(Health(live), "Healthy");
  live["metadata"]["generation"] = 2;
  EXPECT_EQ(Health(live), "Unhealthy");
}

TEST(KarmadaObjects, BindingNamedAfterTheTemplateAndOwnedByIt) {
  json rb = BindingObject(Template(), Policy(), {"beijing", "shanghai"});
  EXPECT_EQ(rb["apiVersion"], "work.karmada.io/v1alpha2");
  EXPECT_EQ(rb["metadata"]["name"], "helloworld-deployment");
  EXPECT_EQ(rb["metadata"]["namespace"], "sample");
  EXPECT_EQ(rb["metadata"]["ownerReferences"][0]["uid"], "u-1");
  EXPECT_EQ(rb["spec"]["resource"]["resourceVersion"], "42");
  EXPECT_EQ(rb["spec"]["clusters"], (json::array({{{"name", "beijing"}, {"replicas", 1}},
                                                  {{"name", "shanghai"}, {"replicas", 1}}})));
}

TEST(KarmadaObjects, FullyAppliedOnlyWhenEveryClusterIs) {
  json rb = BindingObject(Template(), Policy(), {"beijing", "shanghai"});
  rb["metadata"]["generation"] = 3;
  std::map<std::string, ClusterResult> results = {{"beijing", {true, "", "Healthy"}},
                                                  {"shanghai", {false, "denied", "Unknown"}}};
  json status = BindingStatus(rb, results, "2026-12-07T00:00:00Z");
  EXPECT_EQ(status["schedulerObservedGeneration"], 3);
  EXPECT_EQ(status["conditions"][0]["type"], "Scheduled");
  EXPECT_EQ(status["conditions"][1], (json{{"type", "FullyApplied"},
                                           {"status", "False"},
                                           {"reason", "FullyAppliedFailed"},
                                           {"lastTransitionTime", "2026-12-07T00:00:00Z"}}));
  EXPECT_EQ(status["aggregatedStatus"][1]["appliedMessage"], "denied");
  results["shanghai"] = {true, "", "Healthy"};
  rb["status"] = status;
  json later = BindingStatus(rb, results, "2026-12-07T00:01:00Z");
  EXPECT_EQ(later["conditions"][1]["status"], "True");
  EXPECT_EQ(later["conditions"][1]["lastTransitionTime"], "2026-12-07T00:01:00Z");
  EXPECT_EQ(later["conditions"][0]["lastTransitionTime"], "2026-12-07T00:00:00Z");
}

}  // namespace
}  // namespace meshform::standins
