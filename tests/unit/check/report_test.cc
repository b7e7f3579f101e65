// A report's JSON follows schemas/check.schema.json (and the schema rejects what it must); its
// text has a heading per category, ✓/‼/× lines, details, hints for what did not pass, a status.
#include "engine/check/report.h"

#include <gtest/gtest.h>

#include "engine/cli/views/check_text.h"
#include "tests/support/json_schema.h"

namespace meshform::check {
namespace {

Report Sample() {
  Report r;
  r.checks.push_back({"clusters", "reachable", "beijing", Result::kPass, "the API server answers"});
  Check missing{"permissions", "granted", "shanghai", Result::kFail,
                "1 of 9 permissions the plan needs are missing"};
  missing.details = {
      "create apps/deployments in namespace sample — for shanghai/apps/v1/Deployment/sample/web"};
  missing.hint = "grant them";
  missing.objects = {"authorization.k8s.io/v1/SelfSubjectAccessReview"};
  r.checks.push_back(missing);
  Check warn{"permissions", "escalation", "shanghai", Result::kWarn,
             "1 role or binding writes need escalate or bind"};
  warn.hint = "grant escalate";
  r.checks.push_back(warn);
  return r;
}

TEST(CheckReport, JsonFollowsTheSchema) {
  nlohmann::json doc = ReportJson(Sample(), "seed", "preflight");
  EXPECT_EQ(testing::SchemaViolations("check.schema.json", doc), std::vector<std::string>{});
  EXPECT_EQ(doc["result"], "fail");
  EXPECT_EQ(doc["summary"]["fail"], 1);
  ASSERT_EQ(doc["categories"].size(), 2u);
  EXPECT_EQ(doc["categories"][1]["checks"][0]["cluster"], "shanghai");
  EXPECT_EQ(doc["categories"][1]["checks"][0]["hint"], "grant them");
  EXPECT_FALSE(doc["categories"][0]["checks"][0].contains("hint"));
}

TEST(CheckReport, TheSchemaRejectsAnUnknownResultAndAMissingField) {
  nlohmann::json doc = ReportJson(Sample(), "seed", "preflight");
  doc["categories"][0]["checks"][0]["result"] = "maybe";
  EXPECT_FALSE(testing::SchemaViolations("check.schema.json", doc).empty());
  doc = ReportJson(Sample(), "seed", "preflight");
  doc.erase("summary");
  EXPECT_FALSE(testing::SchemaViolations("check.schema.json", doc).empty());
}

TEST(CheckReport, ExitCodeFailsOnlyOnFailures) {
  Report r = Sample();
  EXPECT_EQ(r.ExitCode(), 1);
  r.checks.erase(r.checks.begin() + 1);
  EXPECT_EQ(r.ExitCode(), 0);  // a warning alone does not fail
}

TEST(CheckText, MarksDetailsHintsAndStatus) {
  std::string text = cli::RenderCheckText(Sample());
  EXPECT_EQ(text,
            "clusters\n"
            "--------\n"
            "\u2713 beijing: the API server answers\n"
            "\n"
            "permissions\n"
            "-----------\n"
            "\u00d7 shanghai: 1 of 9 permissions the plan needs are missing\n"
            "    create apps/deployments in namespace sample — for "
            "shanghai/apps/v1/Deployment/sample/web\n"
            "    hint: grant them\n"
            "\u203c shanghai: 1 role or binding writes need escalate or bind\n"
            "    hint: grant escalate\n"
            "\n"
            "Status: 1 failed, 1 warning, 1 passed.\n");
}

}  // namespace
}  // namespace meshform::check
