// Proves custom resources end to end in one run: a kind unknown to the cluster is NoKindMatch;
// after its CustomResourceDefinition is applied and Established, the same Client maps it
// (discovery refreshes by itself) and applies, gets, lists, patches status and deletes objects.
#include <gtest/gtest.h>

#include <thread>

#include "tests/integration/kube/cluster_env.h"
#include "tests/support/clusters.h"

namespace meshform::kube {
namespace {

using namespace testing;

json Crd(const std::string& group) {
  json schema = {
      {"type", "object"},
      {"properties",
       {{"spec", {{"type", "object"}, {"x-kubernetes-preserve-unknown-fields", true}}},
        {"status", {{"type", "object"}, {"x-kubernetes-preserve-unknown-fields", true}}}}}};
  return {{"apiVersion", "apiextensions.k8s.io/v1"},
          {"kind", "CustomResourceDefinition"},
          {"metadata", {{"name", "widgets." + group}}},
          {"spec",
           {{"group", group},
            {"scope", "Namespaced"},
            {"names",
             {{"plural", "widgets"},
              {"singular", "widget"},
              {"kind", "Widget"},
              {"listKind", "WidgetList"}}},
            {"versions", json::array({{{"name", "v1"},
                                       {"served", true},
                                       {"storage", true},
                                       {"schema", {{"openAPIV3Schema", schema}}},
                                       {"subresources", {{"status", json::object()}}}}})}}}};
}

bool Established(const json& crd) {
  for (const auto& c : crd.value("status", json::object()).value("conditions", json::array())) {
    if (c.value("type", "") == "Established" && c.value("status", "") == "True") return true;
  }
  return false;
}

TEST(KubeCrdTest, CustomResourcesUsableInTheSameRunAsTheirDefinition) {
  auto client = AdminClient(Context(0));
  ScratchNamespace ns(*client, "crd");
  std::string group = ns.name() + ".meshform.io";
  std::string api_version = group + "/v1";
  EXPECT_THROW(client->Mapping(api_version, "Widget"), NoKindMatch);

  client->Apply(Crd(group));
  ObjectRef crd_ref{"apiextensions.k8s.io/v1", "CustomResourceDefinition", "", "widgets." + group};
  for (int i = 0; i < 300 && !Established(client->Get(crd_ref)); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // waiting, not timing
  }
  ASSERT_TRUE(Established(client->Get(crd_ref)));

  json widget = {
      {"apiVersion", api_version},
      {"kind", "Widget"},
      {"metadata", {{"name", "w1"}, {"namespace", ns.name()}, {"labels", {{"size", "big"}}}}},
      {"spec", {{"color", "blue"}, {"parts", json::array({1, 2, 3})}}}};
  // Discovery may lag the Established condition by a moment; the client refetches by itself.
  json applied;
  for (int i = 0; i < 50; ++i) {
    try {
      applied = client->Apply(widget);
      break;
    } catch (const NoKindMatch&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  ASSERT_TRUE(applied.is_object());
  EXPECT_EQ(applied["spec"]["color"], "blue");
  EXPECT_TRUE(client->Mapping(api_version, "Widget").namespaced);

  EXPECT_EQ(client->Get({api_version, "Widget", ns.name(), "w1"})["spec"]["parts"][2], 3);
  ListOptions big;
  big.ns = ns.name();
  big.label_selector = "size=big";
  ListResult list = client->List(api_version, "Widget", big);
  ASSERT_EQ(list.items.size(), 1u);
  EXPECT_EQ(list.items[0]["kind"], "Widget");

  json status = {{"apiVersion", api_version},
                 {"kind", "Widget"},
                 {"metadata", {{"name", "w1"}, {"namespace", ns.name()}}},
                 {"status", {{"phase", "Ready"}}}};
  EXPECT_EQ(client->ApplyStatus(status)["status"]["phase"], "Ready");

  client->Delete({api_version, "Widget", ns.name(), "w1"});
  EXPECT_FALSE(client->GetIfExists({api_version, "Widget", ns.name(), "w1"}).has_value());
  client->Delete(crd_ref);
}

}  // namespace
}  // namespace meshform::kube
