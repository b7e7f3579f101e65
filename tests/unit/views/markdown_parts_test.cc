// Cutting the comment to GitHub's size: every part well-formed on its own (strict checker:
// fences, <details>, size, marker), nothing lost or repeated, a change larger than a part cut
// inside its own block, and the truncated stdout form that counts what it left out.
#include <gtest/gtest.h>

#include <regex>

#include "engine/cli/views/plan_markdown.h"
#include "engine/util/error.h"
#include "tests/unit/views/markdown_check.h"
#include "tests/unit/views/sample_plan.h"

namespace meshform::cli {
namespace {

using testing::BigPlan;
using testing::MarkdownProblems;

// The head lines of the changes in `text` ("!   ADDRESS"), in order.
std::vector<std::string> Heads(const std::string& text) {
  std::vector<std::string> out;
  std::regex head(R"(^[!+-/]+   (\S+))", std::regex::multiline);
  for (std::sregex_iterator it(text.begin(), text.end(), head), end; it != end; ++it) {
    out.push_back((*it)[1]);
  }
  return out;
}

TEST(MarkdownParts, EveryPartIsWellFormedWithinTheLimitAndNothingIsLostOrRepeated) {
  auto p = BigPlan({"beijing", "shanghai"}, 60, 3);
  auto parts = SplitMarkdown(PlanMarkdown(p), 2000);
  ASSERT_GT(parts.size(), 5u);
  std::vector<std::string> heads;
  for (size_t k = 0; k < parts.size(); ++k) {
    EXPECT_EQ(MarkdownProblems(parts[k], 2000), std::vector<std::string>{}) << parts[k];
    auto in_part = Heads(parts[k]);
    heads.insert(heads.end(), in_part.begin(), in_part.end());
    std::string marker = k == 0 ? "<!-- meshform plan: big -->\n"
                                : "<!-- meshform plan: big part " + std::to_string(k + 1) + "/" +
                                      std::to_string(parts.size()) + " -->\n";
    EXPECT_EQ(parts[k].substr(0, marker.size()), marker);
  }
  std::vector<std::string> expected;
  for (const auto& c : p.changes) expected.push_back(c.address);
  EXPECT_EQ(heads, expected);
  EXPECT_NE(parts[1].find("(continued)</summary>"), std::string::npos) << parts[1];
}

TEST(MarkdownParts, ASmallPlanIsOnePartEqualToTheStdoutForm) {
  auto doc = PlanMarkdown(testing::SamplePlan());
  auto parts = SplitMarkdown(doc, 65000);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0], TruncateMarkdown(doc, 65000));
  EXPECT_EQ(parts[0].find("more change"), std::string::npos);
}

TEST(MarkdownParts, AChangeLargerThanAPartIsCutInsideItsOwnBlock) {
  auto p = BigPlan({"beijing"}, 2, 200);  // ~20 kB per change
  auto parts = SplitMarkdown(PlanMarkdown(p), 2000);
  ASSERT_GE(parts.size(), 2u);
  int cuts = 0;
  for (const auto& part : parts) {
    EXPECT_EQ(MarkdownProblems(part, 2000), std::vector<std::string>{}) << part;
    cuts +=
        part.find("~ (cut here: this change alone is larger than one comment") != std::string::npos;
  }
  EXPECT_EQ(cuts, 2);
}

TEST(MarkdownParts, ALineLongerThanAPartIsCutAtACharacterBoundary) {
  auto p = BigPlan({"beijing"}, 1, 1);
  std::string name;
  for (int i = 0; i < 1500; ++i) name += "\xc3\xa9";  // é, two bytes
  p.changes[0].reason = name;  // on the change's first line
  auto parts = SplitMarkdown(PlanMarkdown(p), 1500);
  ASSERT_EQ(parts.size(), 2u);  // the header, then the cut change
  EXPECT_NE(parts[1].find("(cut here"), std::string::npos) << parts[1];
  for (const auto& part : parts) {
    EXPECT_EQ(MarkdownProblems(part, 1500), std::vector<std::string>{}) << part;
    for (size_t i = 0; i < part.size(); ++i) {
      if (part[i] == '\xc3') {
        EXPECT_EQ(part[i + 1], '\xa9') << "a character cut in two at " << i;
      }
    }
  }
}

TEST(MarkdownParts, StdoutIsTheFirstPartAndCountsWhatItLeftOut) {
  auto p = BigPlan({"beijing", "shanghai"}, 60, 3);
  std::string md = TruncateMarkdown(PlanMarkdown(p), 3000);
  EXPECT_EQ(MarkdownProblems(md, 3000), std::vector<std::string>{}) << md;
  size_t shown = Heads(md).size();
  ASSERT_GT(shown, 0u);
  ASSERT_LT(shown, p.changes.size());
  std::string line =
      "**" + std::to_string(p.changes.size() - shown) + " more changes, see the plan artefact.**\n";
  ASSERT_GE(md.size(), line.size());
  EXPECT_EQ(md.substr(md.size() - line.size()), line) << md;
}

TEST(MarkdownParts, ALimitTooSmallIsRefused) {
  auto doc = PlanMarkdown(testing::SamplePlan());
  EXPECT_THROW(SplitMarkdown(doc, 100), Error);
  EXPECT_THROW(TruncateMarkdown(doc, kMinMarkdownBytes - 1), Error);
}

TEST(MarkdownParts, TheStrictCheckerCatchesBrokenParts) {
  std::string good =
      "<!-- meshform plan: x -->\n<details><summary>a</summary>\n\n```diff\n+ "
      "a\n```\n\n</details>\n";
  EXPECT_EQ(MarkdownProblems(good, 1000), std::vector<std::string>{});
  EXPECT_FALSE(MarkdownProblems(good, 10).empty()) << "too long";
  EXPECT_FALSE(MarkdownProblems(good.substr(0, good.find("```\n\n</details>")), 1000).empty());
  EXPECT_FALSE(MarkdownProblems(good.substr(0, good.find("</details>")), 1000).empty());
  EXPECT_FALSE(MarkdownProblems(good.substr(26), 1000).empty()) << "no marker";
}

}  // namespace
}  // namespace meshform::cli
