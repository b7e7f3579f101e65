// Extracting what one field manager owns from an object (the object rollback applies to put
// meshform's fields back).
#include "engine/ssa/extract.h"

#include <gtest/gtest.h>

namespace meshform::ssa {
namespace {

using json = nlohmann::json;

// A Deployment as the server returns it: meshform applied the image, a label and replicas; a
// human (kubectl-edit) added an annotation and an env entry; the controller wrote status.
json Deployment() {
  return json::parse(R"({
    "apiVersion": "apps/v1", "kind": "Deployment",
    "metadata": {"name": "web", "namespace": "sample", "uid": "u1", "resourceVersion": "7",
      "labels": {"app": "web"}, "annotations": {"note": "by hand"},
      "managedFields": [
        {"manager": "meshform", "operation": "Apply", "fieldsType": "FieldsV1", "fieldsV1": {
          "f:metadata": {"f:labels": {"f:app": {}}},
          "f:spec": {"f:replicas": {}, "f:template": {"f:spec": {"f:containers": {
            "k:{\"name\":\"web\"}": {".": {}, "f:name": {}, "f:image": {}}}}}}}},
        {"manager": "kubectl-edit", "operation": "Update", "fieldsType": "FieldsV1", "fieldsV1": {
          "f:metadata": {"f:annotations": {".": {}, "f:note": {}}},
          "f:spec": {"f:template": {"f:spec": {"f:containers": {
            "k:{\"name\":\"web\"}": {"f:env": {}}}}}}}},
        {"manager": "kube-controller-manager", "operation": "Update", "subresource": "status",
         "fieldsType": "FieldsV1", "fieldsV1": {"f:status": {"f:replicas": {}}}}]},
    "spec": {"replicas": 2, "paused": false, "template": {"spec": {"containers": [
      {"name": "web", "image": "nginx:1", "env": [{"name": "A", "value": "1"}]}]}}},
    "status": {"replicas": 2}})");
}

TEST(Extract, KeepsOnlyTheManagersFieldsAndTheIdentity) {
  auto fields = FieldsOf(Deployment(), "meshform");
  ASSERT_TRUE(fields);
  EXPECT_EQ(Extract(Deployment(), *fields), json::parse(R"({
    "apiVersion": "apps/v1", "kind": "Deployment",
    "metadata": {"name": "web", "namespace": "sample", "labels": {"app": "web"}},
    "spec": {"replicas": 2, "template": {"spec": {"containers": [
      {"name": "web", "image": "nginx:1"}]}}}})"));
}

TEST(Extract, AnotherManagersFieldsKeepTheListItemsKey) {
  auto fields = FieldsOf(Deployment(), "kubectl-edit", "Update");
  ASSERT_TRUE(fields);
  EXPECT_EQ(Extract(Deployment(), *fields), json::parse(R"({
    "apiVersion": "apps/v1", "kind": "Deployment",
    "metadata": {"name": "web", "namespace": "sample", "annotations": {"note": "by hand"}},
    "spec": {"template": {"spec": {"containers": [
      {"name": "web", "env": [{"name": "A", "value": "1"}]}]}}}})"));
}

TEST(Extract, StatusEntriesAndUnknownManagersHoldNothing) {
  EXPECT_FALSE(FieldsOf(Deployment(), "kube-controller-manager", "Update"));
  EXPECT_FALSE(FieldsOf(Deployment(), "meshform", "Update"));
  EXPECT_FALSE(FieldsOf(json::parse(R"({"metadata": {"name": "x"}})"), "meshform"));
}

TEST(Extract, SetItemsAndPortsKeyedByDefaultedProtocol) {
  auto service = json::parse(R"({
    "apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"},
    "spec": {"ports": [{"port": 80, "protocol": "TCP", "name": "http"},
                       {"port": 81, "protocol": "UDP"}]},
    "finalizers": ["a", "b"]})");
  auto fields = FieldSet::FromFieldsV1(json::parse(R"({
    "f:spec": {"f:ports": {"k:{\"port\":80,\"protocol\":\"TCP\"}": {".": {}, "f:name": {}}}},
    "f:finalizers": {"v:\"b\"": {}}})"));
  EXPECT_EQ(Extract(service, fields), json::parse(R"({
    "apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"},
    "spec": {"ports": [{"port": 80, "protocol": "TCP", "name": "http"}]},
    "finalizers": ["b"]})"));
}

}  // namespace
}  // namespace meshform::ssa
