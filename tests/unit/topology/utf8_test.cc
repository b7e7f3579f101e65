// Proves the UTF-8 validator accepts well-formed text and points at the first bad byte of
// stray continuation bytes, truncated sequences, overlong forms and surrogates.
#include "engine/topology/utf8.h"

#include <gtest/gtest.h>

namespace meshform::topology {
namespace {

TEST(TopologyUtf8, AcceptsWellFormedText) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii"), std::string::npos);
  EXPECT_EQ(FindInvalidUtf8("北京 shanghai \xF0\x9F\x98\x80"), std::string::npos);
}

TEST(TopologyUtf8, FindsTheFirstBadByte) {
  EXPECT_EQ(FindInvalidUtf8("ab\xFF"), 2u);
  EXPECT_EQ(FindInvalidUtf8("a\x80"), 1u);          // stray continuation
  EXPECT_EQ(FindInvalidUtf8("a\xE5\x8C"), 1u);      // truncated
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);       // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 2u);  // surrogate U+D800
}

}  // namespace
}  // namespace meshform::topology
