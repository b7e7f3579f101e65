// Proves JSON pointer escaping and the dotted field paths diagnostics show.
#include "engine/topology/json_pointer.h"

#include <gtest/gtest.h>

namespace meshform::topology {
namespace {

TEST(TopologyJsonPointer, EscapesAndSplitsTokens) {
  std::string p = PointerAppend(PointerAppend("", "labels"), "app.kubernetes.io/name");
  EXPECT_EQ(p, "/labels/app.kubernetes.io~1name");
  EXPECT_EQ(PointerTokens(p), (std::vector<std::string>{"labels", "app.kubernetes.io/name"}));
  EXPECT_EQ(PointerParent(p), "/labels");
  EXPECT_EQ(PointerTokens("/a~0b/0"), (std::vector<std::string>{"a~b", "0"}));
  EXPECT_TRUE(PointerTokens("").empty());
}

TEST(TopologyFieldPath, UsesDotsIndexesAndQuotesForOddKeys) {
  std::string f = FieldAppend(FieldAppend(FieldAppend("", "workloads"), 0), "overrides");
  EXPECT_EQ(FieldAppend(f, "shanghai"), "workloads[0].overrides.shanghai");
  EXPECT_EQ(FieldAppend("labels", "app.kubernetes.io/name"), "labels[\"app.kubernetes.io/name\"]");
}

}  // namespace
}  // namespace meshform::topology
