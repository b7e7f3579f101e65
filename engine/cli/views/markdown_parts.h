// Cutting a long Markdown comment into parts that each fit a size limit (GitHub refuses comments
// over 65,536 bytes) and each render on their own: a part never ends inside a code block or a
// <details> section. The document is a header (whole, in the first part) and sections, each a
// collapsible <details> holding one ```diff block of items (one item per change). A section
// that does not fit is closed and reopened as "(continued)" in the next part; an item never
// spans parts, except one larger than a whole part, which is cut inside its own block with a
// line saying so.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace meshform::cli {

struct MarkdownSection {
  std::string summary;             // the <summary> text (plain text, no markup)
  std::vector<std::string> items;  // lines for the diff block, each item ending in "\n"
};

struct MarkdownDocument {
  std::string marker;  // identifies the comment: "meshform plan: NAME"
  std::string header;  // Markdown, well-formed on its own
  std::vector<MarkdownSection> sections;
};

// The smallest --max-bytes accepted: room for the markers and a few lines per part.
inline constexpr std::size_t kMinMarkdownBytes = 1024;

// The document in as few parts as fit `max_bytes` each. The first line of the first part is
// "<!-- MARKER -->", of part K of N > 1 "<!-- MARKER part K/N -->". Throws meshform::Error when
// max_bytes is below kMinMarkdownBytes or the header alone does not fit.
std::vector<std::string> SplitMarkdown(const MarkdownDocument& doc, std::size_t max_bytes);

// The document's first part only (at most `max_bytes`), ending with "N more changes, see the
// plan artefact." when items had to be left out. Throws as SplitMarkdown.
std::string TruncateMarkdown(const MarkdownDocument& doc, std::size_t max_bytes);

}  // namespace meshform::cli
