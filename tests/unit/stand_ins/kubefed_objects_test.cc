// Proves what the KubeFed sync-controller stand-in computes for a federated object, as KubeFed
// v0.10 documents it: placement by cluster list or selector, JSON-patch overrides (op default
// replace, add, remove; a path that does not resolve fails), the target object with the
// managed label, what counts as in sync, the fields kept from the member's object, and the
// Propagation status.
#include "tools/stand-ins/kubefed_objects.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace meshform::standins {
namespace {

using nlohmann::json;

const FederatedType& TypeOf(const std::string& federated_kind) {
  for (const FederatedType& t : FederatedTypes()) {
    if (t.federated_kind == federated_kind) return t;
  }
  throw std::logic_error("no type " + federated_kind);
}

// The seed's helloworld FederatedDeployment (shared/seeds/000_3433cd5d9f6d1cd0.txt).
json Helloworld() {
  json labels = {{"app", "helloworld"}, {"version", "v1"}};
  json tmpl = {{"metadata", {{"labels", labels}}},
               {"spec",
                {{"replicas", 1},
                 {"selector", {{"matchLabels", labels}}},
                 {"template",
                  {{"metadata", {{"labels", labels}}},
                   {"spec",
                    {{"containers",
                      {{{"name", "helloworld"},
                        {"image", "docker.io/istio/examples-helloworld-v1"}}}}}}}}}}};
  json overrides = {{{"clusterName", "shanghai"},
                     {"clusterOverrides",
                      {{{"path", "/spec/template/spec/containers/0/image"},
                        {"value", "docker.io/istio/examples-helloworld-v2"}},
                       {{"path", "/spec/template/metadata/labels/version"}, {"value", "v2"}},
                       {{"path", "/spec/selector/matchLabels/version"}, {"value", "v2"}},
                       {{"path", "/metadata/labels/version"}, {"value", "v2"}}}}}};
  return {{"apiVersion", "types.kubefed.io/v1beta1"},
          {"kind", "FederatedDeployment"},
          {"metadata", {{"name", "helloworld"}, {"namespace", "sample"}, {"generation", 3}}},
          {"spec",
           {{"template", tmpl},
            {"placement", {{"clusters", {{{"name", "beijing"}}, {{"name", "shanghai"}}}}}},
            {"overrides", overrides}}}};
}

std::vector<KubefedMember> Members() {
  return {{"beijing", {{"region", "cn-north-1"}}}, {"shanghai", {{"region", "cn-east-1"}}}};
}

TEST(KubefedPlacement, ClusterListInMemberOrderDroppingUnknownNames) {
  json fed = Helloworld();
  fed["spec"]["placement"]["clusters"] = {{{"name", "shanghai"}}, {{"name", "nowhere"}}};
  EXPECT_EQ(PlacedClusters(fed, Members()), std::vector<std::string>{"shanghai"});
}

TEST(KubefedPlacement, EmptyClusterListSelectsNoneEvenWithASelector) {
  json fed = Helloworld();
  fed["spec"]["placement"] = {{"clusters", json::array()}, {"clusterSelector", json::object()}};
  EXPECT_TRUE(PlacedClusters(fed, Members()).empty());
}

TEST(KubefedPlacement, SelectorMatchesMemberLabels) {
  json fed = Helloworld();
  fed["spec"]["placement"] = {{"clusterSelector", json::object()}};
  EXPECT_EQ(PlacedClusters(fed, Members()), (std::vector<std::string>{"beijing", "shanghai"}));
  fed["spec"]["placement"]["clusterSelector"] = {{"matchLabels", {{"region", "cn-east-1"}}}};
  EXPECT_EQ(PlacedClusters(fed, Members()), std::vector<std::string>{"shanghai"});
  fed["spec"]["placement"]["clusterSelector"] = {
      {"matchExpressions",
       {{{"key", "region"}, {"operator", "NotIn"}, {"values", {"cn-east-1"}}}}}};
  EXPECT_EQ(PlacedClusters(fed, Members()), std::vector<std::string>{"beijing"});
  fed["spec"]["placement"]["clusterSelector"] = {
      {"matchExpressions", {{{"key", "zone"}, {"operator", "Exists"}}}}};
  EXPECT_TRUE(PlacedClusters(fed, Members()).empty());
}

TEST(KubefedPlacement, NoPlacementSelectsNone) {
  json fed = Helloworld();
  fed["spec"]["placement"] = json::object();
  EXPECT_TRUE(PlacedClusters(fed, Members()).empty());
}

TEST(KubefedTarget, TemplateWithNameNamespaceAndManagedLabel) {
  json beijing = TargetObject(TypeOf("FederatedDeployment"), Helloworld(), "beijing");
  EXPECT_EQ(beijing["apiVersion"], "apps/v1");
  EXPECT_EQ(beijing["kind"], "Deployment");
  EXPECT_EQ(beijing["metadata"]["name"], "helloworld");
  EXPECT_EQ(beijing["metadata"]["namespace"], "sample");
  EXPECT_EQ(beijing["metadata"]["labels"],
            (json{{"app", "helloworld"}, {"version", "v1"}, {"kubefed.io/managed", "true"}}));
  EXPECT_EQ(beijing["spec"]["template"]["spec"]["containers"][0]["image"],
            "docker.io/istio/examples-helloworld-v1");
  EXPECT_TRUE(IsManaged(beijing));
}

TEST(KubefedTarget, SeedOverridesMakeVersionTwoInShanghai) {
  json shanghai = TargetObject(TypeOf("FederatedDeployment"), Helloworld(), "shanghai");
  EXPECT_EQ(shanghai["spec"]["template"]["spec"]["containers"][0]["image"],
            "docker.io/istio/examples-helloworld-v2");
  EXPECT_EQ(shanghai["spec"]["template"]["metadata"]["labels"]["version"], "v2");
  EXPECT_EQ(shanghai["spec"]["selector"]["matchLabels"]["version"], "v2");
  EXPECT_EQ(shanghai["metadata"]["labels"]["version"], "v2");
  EXPECT_EQ(shanghai["metadata"]["labels"]["kubefed.io/managed"], "true");
}

TEST(KubefedTarget, NamespaceTargetIsClusterScoped) {
  json fns = {
      {"apiVersion", "types.kubefed.io/v1beta1"},
      {"kind", "FederatedNamespace"},
      {"metadata", {{"name", "sample"}, {"namespace", "sample"}}},
      {"spec", {{"template", {{"metadata", {{"labels", {{"istio-injection", "enabled"}}}}}}}}}};
  json ns = TargetObject(TypeOf("FederatedNamespace"), fns, "shanghai");
  EXPECT_EQ(ns["kind"], "Namespace");
  EXPECT_FALSE(ns["metadata"].contains("namespace"));
  EXPECT_EQ(ns["metadata"]["labels"]["istio-injection"], "enabled");
}

json WithOverrides(json overrides) {
  json fed = Helloworld();
  fed["spec"]["overrides"] = {{{"clusterName", "beijing"}, {"clusterOverrides", overrides}}};
  return fed;
}

TEST(KubefedOverrides, AddRemoveAndAppend) {
  json fed = WithOverrides({{{"op", "add"}, {"path", "/metadata/labels/tier"}, {"value", "web"}},
                            {{"op", "remove"}, {"path", "/spec/replicas"}},
                            {{"op", "add"},
                             {"path", "/spec/template/spec/containers/-"},
                             {"value", {{"name", "sidecar"}, {"image", "s"}}}}});
  json target = TargetObject(TypeOf("FederatedDeployment"), fed, "beijing");
  EXPECT_EQ(target["metadata"]["labels"]["tier"], "web");
  EXPECT_FALSE(target["spec"].contains("replicas"));
  EXPECT_EQ(target["spec"]["template"]["spec"]["containers"][1]["name"], "sidecar");
}

TEST(KubefedOverrides, ReplaceOfAMissingPathFailsAsJsonPatchDoes) {
  json fed = WithOverrides({{{"path", "/metadata/labels/tier"}, {"value", "web"}}});
  EXPECT_THROW(TargetObject(TypeOf("FederatedDeployment"), fed, "beijing"), std::runtime_error);
  json fed2 = WithOverrides({{{"op", "remove"}, {"path", "/spec/nothing"}}});
  EXPECT_THROW(TargetObject(TypeOf("FederatedDeployment"), fed2, "beijing"), std::runtime_error);
}

TEST(KubefedOverrides, OtherClustersOverridesAreIgnored) {
  json fed = WithOverrides({{{"path", "/spec/replicas"}, {"value", 5}}});
  EXPECT_EQ(TargetObject(TypeOf("FederatedDeployment"), fed, "shanghai")["spec"]["replicas"], 1);
  EXPECT_EQ(TargetObject(TypeOf("FederatedDeployment"), fed, "beijing")["spec"]["replicas"], 5);
}

TEST(KubefedInSync, LiveDefaultsAndOtherWritersFieldsAreIgnored) {
  json desired = TargetObject(TypeOf("FederatedDeployment"), Helloworld(), "beijing");
  json live = desired;
  live["metadata"]["uid"] = "u";
  live["spec"]["strategy"] = {{"type", "RollingUpdate"}};
  live["spec"]["template"]["spec"]["containers"][0]["imagePullPolicy"] = "IfNotPresent";
  EXPECT_TRUE(Holds(live, desired));
  live["spec"]["template"]["spec"]["containers"][0]["image"] = "other";
  EXPECT_FALSE(Holds(live, desired));
  json two_containers = desired;
  two_containers["spec"]["template"]["spec"]["containers"].push_back({{"name", "x"}});
  EXPECT_FALSE(Holds(two_containers, desired));
}

TEST(KubefedRetain, ServiceKeepsClusterIpAndNodePortsAndEveryObjectItsVersion) {
  json desired = {{"kind", "Service"},
                  {"metadata", {{"name", "s"}}},
                  {"spec", {{"ports", {{{"name", "http"}, {"port", 80}, {"protocol", "TCP"}}}}}}};
  json live = desired;
  live["metadata"]["resourceVersion"] = "7";
  live["metadata"]["annotations"] = {{"a", "b"}};
  live["spec"]["clusterIP"] = "10.96.0.10";
  live["spec"]["ports"][0]["nodePort"] = 30080;
  RetainClusterFields(desired, live);
  EXPECT_EQ(desired["metadata"]["resourceVersion"], "7");
  EXPECT_EQ(desired["metadata"]["annotations"], (json{{"a", "b"}}));
  EXPECT_EQ(desired["spec"]["clusterIP"], "10.96.0.10");
  EXPECT_EQ(desired["spec"]["ports"][0]["nodePort"], 30080);
}

TEST(KubefedStatus, TrueWhenEveryClusterIsInSync) {
  json status = FederatedStatus(Helloworld(), {{"shanghai", ""}, {"beijing", ""}}, "T1");
  EXPECT_EQ(status["observedGeneration"], 3);
  EXPECT_EQ(status["conditions"][0]["type"], "Propagation");
  EXPECT_EQ(status["conditions"][0]["status"], "True");
  EXPECT_FALSE(status["conditions"][0].contains("reason"));
  EXPECT_EQ(status["clusters"], (json{{{"name", "beijing"}}, {{"name", "shanghai"}}}));
}

TEST(KubefedStatus, CheckClustersWhenOneIsNotAndItsStatusIsListed) {
  json status =
      FederatedStatus(Helloworld(), {{"beijing", ""}, {"shanghai", "AlreadyExists"}}, "T");
  EXPECT_EQ(status["conditions"][0]["status"], "False");
  EXPECT_EQ(status["conditions"][0]["reason"], "CheckClusters");
  EXPECT_EQ(status["clusters"][1], (json{{"name", "shanghai"}, {"status", "AlreadyExists"}}));
}

TEST(KubefedStatus, TransitionTimeKeptWhileTheConditionStays) {
  json fed = Helloworld();
  fed["status"] = FederatedStatus(fed, {{"beijing", ""}}, "T1");
  json again = FederatedStatus(fed, {{"beijing", ""}}, "T2");
  EXPECT_EQ(again["conditions"][0]["lastTransitionTime"], "T1");
  EXPECT_TRUE(SameStatus(fed["status"], again));
  json failed = FederatedStatus(fed, {{"beijing", "CreationFailed"}}, "T3");
  EXPECT_EQ(failed["conditions"][0]["lastTransitionTime"], "T3");
  EXPECT_FALSE(SameStatus(fed["status"], failed));
}

}  // namespace
}  // namespace meshform::standins
