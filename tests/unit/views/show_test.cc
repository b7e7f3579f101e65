// `meshform show PLANFILE`: a saved plan read back prints exactly what `plan` printed — text,
// JSON and the pull-request comment — without any cluster (the test has none), in-process and
// through the binary; the parts written with --out-markdown; older and broken plan files.
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/cli/views/plan_markdown.h"
#include "engine/cli/views/plan_text.h"
#include "engine/plan/plan_from_json.h"
#include "engine/plan/plan_json.h"
#include "engine/plan/saved_plan.h"
#include "tests/support/commands.h"
#include "tests/unit/views/markdown_check.h"
#include "tests/unit/views/sample_plan.h"

namespace meshform::cli {
namespace {

using nlohmann::json;

// The binary with no cluster at all: show must not need one.
testing::CommandResult Meshform(const std::string& args) {
  return testing::RunCommand("KUBECONFIG=/nonexistent NO_COLOR=1 " MESHFORM_BINARY " " + args);
}

class ShowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("meshform-show");
    file_ = dir_ + "/plan.json";
    plan::WriteSavedPlan(plan_, dir_ + "/topology.yaml", file_);
  }
  plan::Plan plan_ = testing::SamplePlan();
  std::string dir_, file_;
};

TEST_F(ShowTest, ASavedPlanReadBackShowsAsThePlanItself) {
  plan::Plan back = plan::PlanFromJson(plan::ReadPlanDocument(file_));
  EXPECT_EQ(RenderPlanText(back), RenderPlanText(plan_));
  EXPECT_EQ(RenderPlanText(back, {false, true}), RenderPlanText(plan_, {false, true}));
  EXPECT_EQ(plan::PlanToJson(back), plan::PlanToJson(plan_));
  EXPECT_EQ(TruncateMarkdown(PlanMarkdown(back), 65000),
            TruncateMarkdown(PlanMarkdown(plan_), 65000));
}

TEST_F(ShowTest, TheBinaryPrintsTextJsonAndMarkdownAsPlanDid) {
  auto text = Meshform("show " + file_);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out, RenderPlanText(plan_));
  auto js = Meshform("show " + file_ + " -o json");
  ASSERT_EQ(js.exit_code, 0) << js.err;
  EXPECT_EQ(json::parse(js.out), plan::PlanToJson(plan_));
  auto md = Meshform("show -o markdown " + file_);
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_EQ(md.out, TruncateMarkdown(PlanMarkdown(plan_), 65000));
  for (const auto& secret : testing::SampleSecrets()) {
    EXPECT_EQ((text.out + js.out + md.out + testing::ReadFile(file_)).find(secret),
              std::string::npos);
  }
}

TEST_F(ShowTest, OutMarkdownWritesNumberedWellFormedPartsAndRemovesStaleOnes) {
  plan::WriteSavedPlan(testing::BigPlan({"beijing", "shanghai"}, 40, 2), dir_ + "/t.yaml", file_);
  std::string base = dir_ + "/comment";
  auto part = [&](size_t k) { return base + "." + std::to_string(k) + ".md"; };
  for (size_t k = 1; k <= 29; ++k) testing::WriteFile(part(k), "stale, from a longer plan");
  testing::WriteFile(part(99), "not in the run of numbers");
  auto r = Meshform("show " + file_ + " -o markdown --max-bytes 1500 -out-markdown " + base);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t n = 0;
  std::string listed;
  for (; std::filesystem::exists(part(n + 1)) &&
         testing::ReadFile(part(n + 1)).rfind("stale", 0) != 0;
       ++n) {
    std::string text = testing::ReadFile(part(n + 1));
    EXPECT_EQ(testing::MarkdownProblems(text, 1500), std::vector<std::string>{}) << text;
    listed += part(n + 1) + "\n";
  }
  EXPECT_GT(n, 3u);
  EXPECT_EQ(r.out, listed);
  for (size_t k = n + 1; k <= 29; ++k) EXPECT_FALSE(std::filesystem::exists(part(k))) << k;
  EXPECT_TRUE(std::filesystem::exists(part(99)));
}

TEST_F(ShowTest, APlanOfFormatOneIsStillShown) {
  json doc = json::parse(testing::ReadFile(file_));
  doc["format_version"] = "1";
  for (const char* added : {"applyable", "complete", "errored", "errors", "warnings", "drift"}) {
    doc.erase(added);
  }
  for (auto& c : doc["changes"]) c.erase("actions");
  testing::WriteFile(file_, doc.dump());
  auto r = Meshform("show " + file_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  plan_.warnings.clear();
  EXPECT_EQ(r.out, RenderPlanText(plan_));
}

TEST_F(ShowTest, WhatIsNotAPlanIsRefusedNamingTheFile) {
  testing::WriteFile(file_, "{\"format_version\": \"2.0\"}");
  auto r = Meshform("show " + file_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("plan file " + file_ +
                       " is not a meshform plan: unsupported "
                       "format_version '2.0'"),
            std::string::npos)
      << r.err;
  json doc = plan::PlanToJson(plan_);
  doc["changes"][1].erase("fields");
  testing::WriteFile(file_, doc.dump());
  r = Meshform("show " + file_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("plan file " + file_ + ": change " +
                       doc["changes"][1]["address"].get<std::string>()),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Meshform("show").exit_code, 1);
  EXPECT_EQ(Meshform("show " + dir_ + "/missing.json").exit_code, 1);
  EXPECT_EQ(Meshform("show " + file_ + " -o yaml").exit_code, 1);
  EXPECT_EQ(Meshform("show " + file_ + " -out-markdown x").exit_code, 1) << "needs -o markdown";
}

}  // namespace
}  // namespace meshform::cli
