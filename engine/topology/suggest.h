// "Did you mean" suggestions: the closest candidate by edit distance (optimal string alignment,
// so a swap of two neighbouring letters counts once), if it is close enough to be a typo.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace meshform::topology {

size_t EditDistance(const std::string& a, const std::string& b);

// The first candidate with the smallest distance to `word`, when that distance is at most
// max(1, min(3, word.size() / 3)), or when it differs from `word` only in case; nothing when no
// candidate is that close.
std::optional<std::string> ClosestMatch(const std::string& word,
                                        const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "".
std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace meshform::topology
