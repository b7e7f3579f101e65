// A strict checker of one part of a pull-request comment: what would make GitHub render it
// broken or refuse it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace meshform::testing {

// Every problem of `part`: longer than `max_bytes`; a first line that is not the comment's
// marker (<!-- meshform plan: ... -->); an unbalanced ``` fence; a <details> not closed in the
// part, a </details> without its <details>, or either inside a code block; a <summary> not
// closed on its line. Empty when the part is well-formed.
std::vector<std::string> MarkdownProblems(const std::string& part, std::size_t max_bytes);

}  // namespace meshform::testing
