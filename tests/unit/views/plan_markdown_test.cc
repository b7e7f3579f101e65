// The plan as a pull-request comment: the marker a bot finds, the per-cluster table, the warning
// block for what restarts workloads or cuts traffic, a collapsible diff per cluster, and the
// text plan's redaction.
#include "engine/cli/views/plan_markdown.h"

#include <gtest/gtest.h>

#include "engine/cli/views/plan_text.h"
#include "tests/unit/views/markdown_check.h"
#include "tests/unit/views/sample_plan.h"

namespace meshform::cli {
namespace {

using testing::BigPlan;
using testing::MarkdownProblems;
using testing::SamplePlan;

std::string Comment(const plan::Plan& p) { return TruncateMarkdown(PlanMarkdown(p), 65000); }

int Occurrences(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(PlanMarkdown, StartsWithTheMarkerAndHasOneTableRowPerCluster) {
  std::string md = Comment(SamplePlan());
  EXPECT_EQ(md.substr(0, md.find('\n')), "<!-- meshform plan: seed -->");
  EXPECT_NE(md.find("**Plan: 3 to add, 3 to change, 2 to destroy.**"), std::string::npos) << md;
  EXPECT_NE(md.find("| cluster | add | change | replace | destroy |"), std::string::npos) << md;
  EXPECT_NE(md.find("\n| beijing | 1 | 3 | 0 | 0 |\n"), std::string::npos) << md;
  EXPECT_NE(md.find("\n| shanghai | 1 | 0 | 1 | 1 |\n"), std::string::npos) << md;
  EXPECT_EQ(MarkdownProblems(md, 65000), std::vector<std::string>{});
}

TEST(PlanMarkdown, WarnsOfDestroyReplaceTheCaAndRemoteSecrets) {
  std::string md = Comment(SamplePlan());
  auto block = md.find("> [!WARNING]");
  ASSERT_NE(block, std::string::npos) << md;
  EXPECT_NE(md.find("**1 to destroy**: `shanghai/v1/ConfigMap/sample/old`"), std::string::npos);
  EXPECT_NE(
      md.find("**1 to replace (deleted, then created)**: `shanghai/v1/Service/istio-system/gw`"),
      std::string::npos);
  EXPECT_NE(md.find("**1 CA secret(s) change**: `beijing/v1/Secret/istio-system/cacerts`"),
            std::string::npos);
  EXPECT_NE(md.find("**1 remote secret(s) change**: "
                    "`beijing/v1/Secret/istio-system/istio-remote-secret-shanghai`"),
            std::string::npos);
  EXPECT_LT(block, md.find("<details>")) << "the warning comes before the details";
}

TEST(PlanMarkdown, CreatingOnlyNeedsNoWarning) {
  std::string md = Comment(BigPlan({"beijing"}, 3, 0));
  EXPECT_EQ(md.find("[!WARNING]"), std::string::npos) << md;
  EXPECT_NE(md.find("| beijing | 3 | 0 | 0 | 0 |"), std::string::npos) << md;
}

TEST(PlanMarkdown, EachClusterIsACollapsibleDiffOfTheTextPlansLines) {
  std::string md = Comment(SamplePlan());
  EXPECT_NE(md.find("<details><summary>beijing: 1 to add, 3 to change, 0 to replace, 0 to "
                    "destroy</summary>\n\n```diff\n!   beijing/apps/v1/Deployment/sample/web\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("\n+   beijing/v1/Namespace/sample\n"), std::string::npos) << md;
  EXPECT_NE(md.find("!   beijing/apps/v1/Deployment/sample/web\n"
                    "!       .spec.replicas: 3 -> 1\n"
                    "!       .metadata.annotations.note: null -> \"x\"\n"
                    "-       .metadata.labels.old: \"yes\"\n"
                    "!       conflict: .spec.replicas is owned by field manager \"kubectl-edit\""),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("-/+   shanghai/v1/Service/istio-system/gw  # .spec.clusterIP cannot be"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("<details><summary>generated values: 1</summary>"), std::string::npos) << md;
  EXPECT_EQ(md.find("shanghai/v1/Namespace/istio-system"), std::string::npos) << "no-ops hidden";
  EXPECT_EQ(Occurrences(md, "<details>"), 3);
  EXPECT_EQ(Occurrences(md, "</details>"), 3);
}

TEST(PlanMarkdown, DiffLineMovesTheSymbolToTheFirstColumn) {
  EXPECT_EQ(DiffLine("      ~ .a: 1 -> 2"), "!       .a: 1 -> 2");
  EXPECT_EQ(DiffLine("  -/+ x  # why"), "-/+   x  # why");
  EXPECT_EQ(DiffLine("  + x"), "+   x");
  EXPECT_EQ(DiffLine("plain"), "plain");
  EXPECT_EQ(DiffLine("  # cluster"), "  # cluster");
}

TEST(PlanMarkdown, SecretsAreRedactedExactlyAsInTheTextPlan) {
  auto p = SamplePlan();
  std::string md = Comment(p);
  std::string text = RenderPlanText(p);
  for (const auto& secret : testing::SampleSecrets()) {
    EXPECT_EQ(md.find(secret), std::string::npos) << secret;
    EXPECT_EQ(text.find(secret), std::string::npos) << secret;
  }
  EXPECT_EQ(Occurrences(md, "(sensitive)"), Occurrences(text, "(sensitive)"));
  EXPECT_EQ(Occurrences(md, "(known after apply)"), Occurrences(text, "(known after apply)"));
  EXPECT_GE(Occurrences(md, "(sensitive)"), 3);
}

TEST(PlanMarkdown, NamesDriftAndThePlansWarnings) {
  std::string md = Comment(SamplePlan());
  EXPECT_NE(md.find("**Drift:** changed by another field manager since meshform applied them: "
                    "`beijing/apps/v1/Deployment/sample/web`."),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("**Drift:** deleted by someone else since meshform created them: "
                    "`shanghai/apps/v1/Deployment/sample/sleep`."),
            std::string::npos);
  EXPECT_NE(md.find("**Warning:** the renderer printed a deprecated field"), std::string::npos);
}

TEST(PlanMarkdown, NoChangesSaysSoWithoutATable) {
  plan::Plan p;
  p.topology_name = "seed";
  std::string md = Comment(p);
  EXPECT_NE(md.find("No changes. Your clusters match the topology."), std::string::npos) << md;
  EXPECT_EQ(md.find("| cluster |"), std::string::npos);
  EXPECT_EQ(MarkdownProblems(md, 65000), std::vector<std::string>{});
}

}  // namespace
}  // namespace meshform::cli
