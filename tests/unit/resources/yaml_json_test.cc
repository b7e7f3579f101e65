// YAML <-> JSON: core-schema scalar typing, quoted scalars stay strings, multi-document input,
// error locations, and output that reads back to the same value.
#include "resources/yaml_json.h"

#include <gtest/gtest.h>

#include "engine/util/error.h"

namespace meshform::resources {
namespace {

TEST(YamlJson, TypesPlainScalarsAndKeepsQuotedOnesStrings) {
  auto docs =
      ParseYamlDocuments("a: 1\nb: \"1\"\nc: true\nd: 'true'\ne: ~\nf: 1.5\ng: 1-7-2\n", "t");
  ASSERT_EQ(docs.size(), 1u);
  const json& j = docs[0].value;
  EXPECT_EQ(j["a"], 1);
  EXPECT_EQ(j["b"], "1");
  EXPECT_EQ(j["c"], true);
  EXPECT_EQ(j["d"], "true");
  EXPECT_TRUE(j["e"].is_null());
  EXPECT_EQ(j["f"], 1.5);
  EXPECT_EQ(j["g"], "1-7-2");
}

TEST(YamlJson, SkipsEmptyDocumentsAndRecordsStartLines) {
  auto docs = ParseYamlDocuments("# c\n---\na: 1\n---\n---\nb: 2\n", "t");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].line, 3);
  EXPECT_EQ(docs[1].line, 6);
}

TEST(YamlJson, MalformedYamlNamesTheSourceAndPosition) {
  try {
    ParseYamlDocuments("a: [1, 2\n", "renderer output");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("renderer output:", 0), 0u) << e.what();
  }
}

TEST(YamlJson, OutputReadsBackToTheSameValue) {
  // Multi-line strings with no, one and two trailing newlines, and a leading space (the render
  // round trip found "a\nb" written as a literal block, which reads back as "a\nb\n").
  json value = {{"s", "true"},       {"n", "123"},         {"i", 5},
                {"b", false},        {"multi", "a\nb\n"},  {"no-newline", "a\nb"},
                {"two", "a\nb\n\n"}, {"space", " a\nb\n"}, {"empty", json::object()},
                {"list", {"x", 1}},  {"null", nullptr}};
  auto docs = ParseYamlDocuments(ToYaml(value), "t");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].value, value) << ToYaml(value);
}

}  // namespace
}  // namespace meshform::resources
