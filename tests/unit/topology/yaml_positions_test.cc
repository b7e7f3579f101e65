// Proves that YAML becomes JSON with YAML 1.2 core typing and that positions (1-based) are kept
// for values and keys; also that syntax errors carry the parser's line and column.
#include "engine/topology/yaml_positions.h"

#include <gtest/gtest.h>

namespace meshform::topology {
namespace {

YamlDocument Read(const std::string& text, Diagnostics* diagnostics) {
  YamlDocument document;
  EXPECT_TRUE(ReadYamlDocument(text, "t.yaml", &document, diagnostics));
  return document;
}

TEST(TopologyReadYamlDocument, TypesScalarsLikeYaml12) {
  Diagnostics d;
  YamlDocument doc =
      Read("a: 5000\nb: '5000'\nc: true\nd: yes\ne: ~\nf: 1.5\ng: 1-7-2\nh: 0x1F\n", &d);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(doc.json["a"], 5000);
  EXPECT_EQ(doc.json["b"], "5000");
  EXPECT_EQ(doc.json["c"], true);
  EXPECT_EQ(doc.json["d"], "yes");
  EXPECT_TRUE(doc.json["e"].is_null());
  EXPECT_EQ(doc.json["f"], 1.5);
  EXPECT_EQ(doc.json["g"], "1-7-2");
  EXPECT_EQ(doc.json["h"], 31);
}

TEST(TopologyReadYamlDocument, KeepsValueAndKeyPositions) {
  Diagnostics d;
  YamlDocument doc = Read("clusters:\n  - name: a\n    network:   n1\n", &d);
  EXPECT_EQ(doc.map.ValueAt("/clusters/0").line, 2);
  EXPECT_EQ(doc.map.ValueAt("/clusters/0").column, 5);
  EXPECT_EQ(doc.map.ValueAt("/clusters/0/network").column, 16);
  EXPECT_EQ(doc.map.KeyAt("/clusters/0/network").column, 5);
  EXPECT_EQ(doc.map.FieldOf("/clusters/0/network"), "clusters[0].network");
  // A missing key falls back to its parent's position, with its own field path.
  EXPECT_EQ(doc.map.ValueAt("/clusters/0/role").line, 2);
  EXPECT_EQ(doc.map.FieldOf("/clusters/0/role"), "clusters[0].role");
}

TEST(TopologyReadYamlDocument, ReportsDuplicateKeys) {
  Diagnostics d;
  Read("a: 1\nb: 2\na: 3\n", &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.Sorted()[0].ToString(), "t.yaml:3:1: a: duplicate key 'a' (first at line 1)");
}

TEST(TopologyReadYamlDocument, SyntaxErrorsCarryTheParsersPosition) {
  Diagnostics d;
  YamlDocument doc;
  EXPECT_FALSE(ReadYamlDocument("a: [1, 2\nb: 3\n", "t.yaml", &doc, &d));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.Sorted()[0].location.file, "t.yaml");
  EXPECT_NE(d.Sorted()[0].message.find("invalid YAML: "), std::string::npos);
}

TEST(TopologyReadYamlDocument, StopsAliasBombs) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'k'; ++c, ++prev)
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" +
            prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
  Diagnostics d;
  YamlDocument doc;
  EXPECT_FALSE(ReadYamlDocument(bomb, "t.yaml", &doc, &d));
  EXPECT_EQ(d.Sorted()[0].message, "document too large (aliases expanded)");
}

}  // namespace
}  // namespace meshform::topology
