// Placeholders: the documented form, finding them with their JSON pointer, substituting them
// (plain, base64, template) and marking them for display.
#include "resources/placeholder.h"

#include <gtest/gtest.h>

#include "engine/util/base64.h"

namespace meshform::resources {
namespace {

TEST(Placeholder, HasTheDocumentedForm) {
  EXPECT_EQ(MakePlaceholder("ca/root", "cert").dump(),
            R"({"$generated":{"field":"cert","from":"ca/root"}})");
  EXPECT_EQ(MakePlaceholder("ca/root", "cert", "base64")["$generated"]["encoding"], "base64");
  EXPECT_TRUE(IsPlaceholder(MakePlaceholder("a", "b")));
  EXPECT_FALSE(IsPlaceholder(json{{"$generated", {{"from", "a"}}}}));
  EXPECT_FALSE(IsPlaceholder(json{{"from", "a"}, {"field", "b"}}));
}

TEST(Placeholder, FindReportsEveryPlaceholderWithItsPointer) {
  json doc = {{"data", {{"a/b", MakePlaceholder("x", "f")}}},
              {"list", {1, MakePlaceholder("y", "g", "base64")}}};
  auto found = FindPlaceholders(doc);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].pointer, "/data/a~1b");
  EXPECT_EQ(found[0].from, "x");
  EXPECT_EQ(found[1].pointer, "/list/1");
  EXPECT_EQ(found[1].encoding, "base64");
}

TEST(Placeholder, SubstituteAppliesEncodingAndTemplate) {
  json doc = {{"plain", MakePlaceholder("v", "ip")},
              {"b64", MakePlaceholder("v", "ip", "base64")},
              {"tmpl", MakeTemplatePlaceholder("v", "ip", "https://${value}:15012")},
              {"other", "kept"}};
  json out = Substitute(doc, [](const std::string& from, const std::string& field) {
    EXPECT_EQ(from, "v");
    EXPECT_EQ(field, "ip");
    return std::string("10.0.0.1");
  });
  EXPECT_EQ(out["plain"], "10.0.0.1");
  EXPECT_EQ(out["b64"], "MTAuMC4wLjE=");
  EXPECT_EQ(out["tmpl"], "https://10.0.0.1:15012");
  EXPECT_EQ(out["other"], "kept");
  EXPECT_TRUE(FindPlaceholders(out).empty());
}

TEST(Placeholder, Base64MatchesRfc4648Vectors) {
  EXPECT_EQ(util::Base64Encode(""), "");
  EXPECT_EQ(util::Base64Encode("f"), "Zg==");
  EXPECT_EQ(util::Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(util::Base64Encode("foo"), "Zm9v");
  EXPECT_EQ(util::Base64Encode("foobar"), "Zm9vYmFy");
}

TEST(Placeholder, ReplacePlaceholdersUsesTheMarker) {
  json out = ReplacePlaceholders(json{{"k", MakePlaceholder("a", "b")}},
                                 [](const Placeholder& p) { return "<" + p.from + ">"; });
  EXPECT_EQ(out["k"], "<a>");
}

}  // namespace
}  // namespace meshform::resources
