// Telling an object an earlier attempt of meshform's own create made (its answer lost, the
// request sent again) from one someone else created meanwhile, by the managedFields.
#include "engine/apply/moved.h"

#include <gtest/gtest.h>

namespace meshform::apply {
namespace {

using nlohmann::json;

json Entry(const std::string& manager, const std::string& operation, json fields) {
  return {{"manager", manager},
          {"operation", operation},
          {"apiVersion", "v1"},
          {"fieldsType", "FieldsV1"},
          {"fieldsV1", std::move(fields)}};
}

json ServiceAccount(json managed) {
  return {{"apiVersion", "v1"},
          {"kind", "ServiceAccount"},
          {"metadata",
           {{"name", "istiod"}, {"namespace", "istio-system"}, {"managedFields", managed}}}};
}

const json kMeshformFields = {{"f:metadata", {{"f:labels", {{"f:app", json::object()}}}}}};

TEST(CreatedByThisWrite, OnlyMeshformsApply) {
  EXPECT_TRUE(CreatedByThisWrite(ServiceAccount({Entry("meshform", "Apply", kMeshformFields)})));
}

TEST(CreatedByThisWrite, AControllerAddedOnlyFieldsOfItsOwn) {
  json token_controller = Entry("kube-controller-manager", "Update",
                                {{"f:secrets",
                                  {{".", json::object()},
                                   {"k:{\"name\":\"istiod-token-x\"}",
                                    {{".", json::object()}, {"f:name", json::object()}}}}}});
  EXPECT_TRUE(CreatedByThisWrite(
      ServiceAccount({Entry("meshform", "Apply", kMeshformFields), token_controller})));
}

TEST(CreatedByThisWrite, SomeoneElseCoOwnsMeshformsFields) {
  EXPECT_FALSE(
      CreatedByThisWrite(ServiceAccount({Entry("kubectl-create", "Update", kMeshformFields),
                                         Entry("meshform", "Apply", kMeshformFields)})));
  // Owning the whole labels map (an atomic value above meshform's label) is co-owning too.
  json whole_labels = {{"f:metadata", {{"f:labels", json::object()}}}};
  EXPECT_FALSE(CreatedByThisWrite(ServiceAccount(
      {Entry("meshform", "Apply", kMeshformFields), Entry("other", "Apply", whole_labels)})));
}

TEST(CreatedByThisWrite, NotWithoutMeshformsApply) {
  EXPECT_FALSE(
      CreatedByThisWrite(ServiceAccount({Entry("kubectl-create", "Update", kMeshformFields)})));
  EXPECT_FALSE(CreatedByThisWrite(ServiceAccount(json::array())));
}

}  // namespace
}  // namespace meshform::apply
