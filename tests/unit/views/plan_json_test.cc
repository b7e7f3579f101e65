// The JSON plan's members for pipelines and policy tools (format 1.1): applyable, complete,
// errored, drift, Terraform-style actions; every document follows schemas/plan.schema.json.
#include "engine/plan/plan_json.h"

#include <gtest/gtest.h>

#include "tests/support/json_schema.h"
#include "tests/unit/views/sample_plan.h"

namespace meshform::plan {
namespace {

using nlohmann::json;
using testing::SchemaViolations;

const json* FindChange(const json& doc, const std::string& address) {
  for (const auto& c : doc["changes"]) {
    if (c["address"] == address) return &c;
  }
  return nullptr;
}

TEST(PlanJson, FollowsTheSchemaAndSaysItIsApplyableAndComplete) {
  json doc = PlanToJson(testing::SamplePlan());
  EXPECT_EQ(SchemaViolations("plan.schema.json", doc), std::vector<std::string>{});
  EXPECT_EQ(doc["format_version"], "1.1");
  EXPECT_EQ(doc["applyable"], true);
  EXPECT_EQ(doc["complete"], true);
  EXPECT_EQ(doc["errored"], false);
  EXPECT_EQ(doc["errors"], json::array());
  EXPECT_EQ(doc["warnings"], json({"the renderer printed a deprecated field"}));
}

TEST(PlanJson, ActionsAreListedAsTerraformListsThem) {
  json doc = PlanToJson(testing::SamplePlan());
  auto actions = [&](const std::string& address) {
    const json* c = FindChange(doc, address);
    return c ? (*c)["actions"] : json();
  };
  EXPECT_EQ(actions("beijing/v1/Namespace/sample"), json({"create"}));
  EXPECT_EQ(actions("beijing/apps/v1/Deployment/sample/web"), json({"update"}));
  EXPECT_EQ(actions("shanghai/v1/Service/istio-system/gw"), json({"delete", "create"}));
  EXPECT_EQ(actions("shanghai/v1/ConfigMap/sample/old"), json({"delete"}));
  EXPECT_EQ(actions("shanghai/v1/Namespace/istio-system"), json({"no-op"}));
}

TEST(PlanJson, DriftNamesWhatSomeoneElseChangedOrDeleted) {
  json doc = PlanToJson(testing::SamplePlan());
  ASSERT_EQ(doc["drift"].size(), 2u) << doc["drift"].dump(2);
  EXPECT_EQ(doc["drift"][0],
            json({{"address", "beijing/apps/v1/Deployment/sample/web"},
                  {"cluster", "beijing"},
                  {"kind", "changed"},
                  {"conflicts", {{{"path", ".spec.replicas"}, {"manager", "kubectl-edit"}}}}}));
  EXPECT_EQ(doc["drift"][1]["address"], "shanghai/apps/v1/Deployment/sample/sleep");
  EXPECT_EQ(doc["drift"][1]["kind"], "deleted");
}

TEST(PlanJson, ATargetedPlanIsIncompleteAndANoChangePlanNotApplyable) {
  Plan p = testing::SamplePlan();
  p.targets = {"beijing/v1/Namespace/sample"};
  json doc = PlanToJson(p);
  EXPECT_EQ(doc["complete"], false);
  EXPECT_EQ(doc["applyable"], true);
  Plan empty;
  empty.topology_name = "seed";
  doc = PlanToJson(empty);
  EXPECT_EQ(doc["applyable"], false);
  EXPECT_EQ(doc["complete"], true);
  EXPECT_EQ(SchemaViolations("plan.schema.json", doc), std::vector<std::string>{});
}

TEST(PlanJson, AnErroredPlanSaysWhyAndIsNeitherApplyableNorComplete) {
  Plan p;
  p.errors = {"Error: no plan could be made:", "beijing: connection refused"};
  json doc = PlanToJson(p);
  EXPECT_EQ(SchemaViolations("plan.schema.json", doc), std::vector<std::string>{});
  EXPECT_EQ(doc["errored"], true);
  EXPECT_EQ(doc["applyable"], false);
  EXPECT_EQ(doc["complete"], false);
  EXPECT_EQ(doc["errors"][1], "beijing: connection refused");
}

TEST(PlanJson, TheSchemaRejectsAWrongActionListAndAMissingMember) {
  json doc = PlanToJson(testing::SamplePlan());
  doc["changes"][0]["actions"] = {"replace"};
  EXPECT_FALSE(SchemaViolations("plan.schema.json", doc).empty());
  doc = PlanToJson(testing::SamplePlan());
  doc.erase("applyable");
  EXPECT_FALSE(SchemaViolations("plan.schema.json", doc).empty());
  doc = PlanToJson(testing::SamplePlan());
  doc["changes"][0].erase("apiVersion");
  EXPECT_FALSE(SchemaViolations("plan.schema.json", doc).empty());
}

TEST(PlanJson, ReadersAcceptEveryMinorVersionOfTheirMajor) {
  EXPECT_TRUE(ReadsPlanFormat("1"));
  EXPECT_TRUE(ReadsPlanFormat("1.1"));
  EXPECT_TRUE(ReadsPlanFormat("1.9"));
  EXPECT_FALSE(ReadsPlanFormat("2"));
  EXPECT_FALSE(ReadsPlanFormat("10.1"));
  EXPECT_FALSE(ReadsPlanFormat(""));
}

}  // namespace
}  // namespace meshform::plan
