// Ordering rules: each row of the table adds the dependency it promises, within one cluster,
// and a key nobody provides adds nothing.
#include "resources/ordering.h"

#include <gtest/gtest.h>

#include "resources/placeholder.h"
#include "resources/values.h"
#include "tests/unit/resources/test_topology.h"

namespace meshform::resources {
namespace {

using testing::DependsOn;

Resource Obj(const std::string& cluster, json object) {
  return MakeObject(cluster, std::move(object), "t", {});
}

json Meta(const std::string& api, const std::string& kind, const std::string& name,
          const std::string& ns = "") {
  json o = {{"apiVersion", api}, {"kind", kind}, {"metadata", {{"name", name}}}};
  if (!ns.empty()) o["metadata"]["namespace"] = ns;
  return o;
}

TEST(Ordering, RuleNamesAreTheDocumentedTable) {
  std::vector<std::string> names;
  for (const auto& r : OrderingRules()) names.push_back(r.name);
  EXPECT_EQ(names, (std::vector<std::string>{
                       "crds-before-custom-resources", "namespaces-before-contents",
                       "service-accounts-before-users", "roles-before-bindings",
                       "injector-before-injected-namespaces", "mounted-config-before-workloads",
                       "webhook-services-before-webhook-configurations",
                       "kubefed-members-before-federated-objects",
                       "karmada-members-before-policies", "values-before-placeholders"}));
}

// So that destroy deletes a FederatedDeployment, and waits for KubeFed to delete its member
// objects, before the members it is placed on leave the federation.
TEST(Ordering, KubefedMembersBeforeFederatedObjectsPlacedOnThem) {
  json fed = Meta("types.kubefed.io/v1beta1", "FederatedDeployment", "hello", "sample");
  fed["spec"]["placement"]["clusters"] = {{{"name", "east"}}};
  ResourceSet set = {Obj("host", Meta("core.kubefed.io/v1beta1", "KubeFedCluster", "east",
                                      "kube-federation-system")),
                     Obj("host", Meta("core.kubefed.io/v1beta1", "KubeFedCluster", "west",
                                      "kube-federation-system")),
                     Obj("host", fed), Obj("east", Meta("v1", "Namespace", "sample")),
                     Obj("west", Meta("v1", "Namespace", "sample"))};
  ApplyOrderingRules(set);
  EXPECT_TRUE(DependsOn(set[2], set[0].address));
  EXPECT_FALSE(DependsOn(set[2], set[1].address));
  // Its namespace in the member it is placed on (across clusters), so that KubeFed never makes
  // a namespace meshform is about to create.
  EXPECT_TRUE(DependsOn(set[2], set[3].address));
  EXPECT_FALSE(DependsOn(set[2], set[4].address));
}

TEST(Ordering, CrdBeforeItsCustomResourcesInTheSameClusterOnly) {
  json crd =
      Meta("apiextensions.k8s.io/v1", "CustomResourceDefinition", "gateways.networking.istio.io");
  crd["spec"] = {{"group", "networking.istio.io"}, {"names", {{"kind", "Gateway"}}}};
  ResourceSet set = {Obj("a", crd),
                     Obj("a", Meta("networking.istio.io/v1alpha3", "Gateway", "g", "x")),
                     Obj("b", Meta("networking.istio.io/v1alpha3", "Gateway", "g", "x")),
                     Obj("a", Meta("networking.istio.io/v1alpha3", "VirtualService", "v", "x"))};
  ApplyOrderingRules(set);
  EXPECT_TRUE(DependsOn(set[1], set[0].address));
  EXPECT_FALSE(DependsOn(set[2], set[0].address));
  EXPECT_FALSE(DependsOn(set[3], set[0].address));
}

TEST(Ordering, NamespaceBeforeContents) {
  ResourceSet set = {Obj("a", Meta("v1", "Namespace", "x")),
                     Obj("a", Meta("v1", "ConfigMap", "c", "x")),
                     Obj("a", Meta("v1", "ConfigMap", "c", "default"))};
  ApplyOrderingRules(set);
  EXPECT_EQ(set[1].depends_on, std::vector<std::string>{"a/v1/Namespace/x"});
  EXPECT_TRUE(set[2].depends_on.empty());
}

TEST(Ordering, ServiceAccountAndRoleBeforeBindingAndToken) {
  json binding = Meta("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "r");
  binding["roleRef"] = {{"kind", "ClusterRole"}, {"name", "r"}};
  binding["subjects"] = {{{"kind", "ServiceAccount"}, {"name", "sa"}, {"namespace", "x"}}};
  json token = Meta("v1", "Secret", "tok", "x");
  token["metadata"]["annotations"]["kubernetes.io/service-account.name"] = "sa";
  ResourceSet set = {Obj("a", Meta("v1", "ServiceAccount", "sa", "x")),
                     Obj("a", Meta("rbac.authorization.k8s.io/v1", "ClusterRole", "r")),
                     Obj("a", binding), Obj("a", token)};
  ApplyOrderingRules(set);
  EXPECT_TRUE(DependsOn(set[2], set[0].address));
  EXPECT_TRUE(DependsOn(set[2], set[1].address));
  EXPECT_TRUE(DependsOn(set[3], set[0].address));
}

TEST(Ordering, InjectorBeforeInjectedNamespacesOnly) {
  json injected = Meta("v1", "Namespace", "sample");
  injected["metadata"]["labels"]["istio-injection"] = "enabled";
  ResourceSet set = {
      Obj("a", Meta("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", "inj")),
      Obj("a", injected), Obj("a", Meta("v1", "Namespace", "plain"))};
  ApplyOrderingRules(set);
  EXPECT_TRUE(DependsOn(set[1], set[0].address));
  EXPECT_FALSE(DependsOn(set[2], set[0].address));
}

// So that destroy removes a webhook before its Service and that Service's namespace go.
TEST(Ordering, WebhookConfigurationAfterTheServicesItCalls) {
  json hook = Meta("admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", "v");
  hook["webhooks"] = json::array(
      {{{"name", "v.istio.io"},
        {"clientConfig", {{"service", {{"name", "istiod"}, {"namespace", "istio-system"}}}}}}});
  ResourceSet set = {Obj("a", hook), Obj("a", Meta("v1", "Service", "istiod", "istio-system")),
                     Obj("a", Meta("v1", "Service", "other", "istio-system")),
                     Obj("b", Meta("v1", "Service", "istiod", "istio-system"))};
  ApplyOrderingRules(set);
  EXPECT_TRUE(DependsOn(set[0], set[1].address));
  EXPECT_FALSE(DependsOn(set[0], set[2].address));
  EXPECT_FALSE(DependsOn(set[0], set[3].address));  // another cluster's Service
}

TEST(Ordering, MountedSecretBeforeDeployment) {
  json deploy = Meta("apps/v1", "Deployment", "istiod", "x");
  deploy["spec"]["template"]["spec"]["volumes"] = {
      {{"name", "c"}, {"secret", {{"secretName", "cacerts"}}}}};
  deploy["spec"]["template"]["spec"]["serviceAccountName"] = "istiod";
  ResourceSet set = {Obj("a", Meta("v1", "Secret", "cacerts", "x")), Obj("a", deploy),
                     Obj("a", Meta("v1", "ServiceAccount", "istiod", "x"))};
  ApplyOrderingRules(set);
  EXPECT_TRUE(DependsOn(set[1], set[0].address));
  EXPECT_TRUE(DependsOn(set[1], set[2].address));
}

TEST(Ordering, ValuesBeforeTheObjectsAndValuesThatNameThem) {
  json secret = Meta("v1", "Secret", "s", "x");
  secret["data"]["k"] = MakePlaceholder("ca/root", "cert");
  ResourceSet set = {RootCaValue({}), Obj("a", secret), KubeconfigValue("a", "x", "sa", {}),
                     EndpointValue({"a", "ctx", "", "n", {}, {}})};
  ApplyOrderingRules(set);
  EXPECT_TRUE(DependsOn(set[1], "ca/root"));
  EXPECT_TRUE(DependsOn(set[2], "endpoint/a"));
}

}  // namespace
}  // namespace meshform::resources
