// Proves the "did you mean" rules: typos (including a swap of two letters) are suggested, far
// words are not, and ties go to the first candidate.
#include "engine/topology/suggest.h"

#include <gtest/gtest.h>

namespace meshform::topology {
namespace {

TEST(TopologyEditDistance, CountsASwapOfNeighboursOnce) {
  EXPECT_EQ(EditDistance("network", "netwrok"), 1u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
}

TEST(TopologyDidYouMean, SuggestsTheClosestCandidate) {
  EXPECT_EQ(DidYouMean("netwrk2", {"network1", "network2"}), " (did you mean 'network2'?)");
  EXPECT_EQ(DidYouMean("shanghia", {"beijing", "shanghai"}), " (did you mean 'shanghai'?)");
  EXPECT_EQ(DidYouMean("network3", {"network1", "network2"}), " (did you mean 'network1'?)");
}

TEST(TopologyDidYouMean, StaysQuietForUnrelatedWords) {
  EXPECT_EQ(DidYouMean("tokyo", {"beijing", "shanghai"}), "");
  EXPECT_EQ(DidYouMean("x", {"yy"}), "");
  EXPECT_EQ(DidYouMean(std::string(1000, 'a'), {"a"}), "");
}

}  // namespace
}  // namespace meshform::topology
