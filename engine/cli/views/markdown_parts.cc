#include "engine/cli/views/markdown_parts.h"

#include "engine/util/error.h"

namespace meshform::cli {
namespace {

const std::string kClose = "```\n\n</details>\n\n";
const std::string kCutLine =
    "~ (cut here: this change alone is larger than one comment; the plan artefact has all of "
    "it)\n";

std::string Open(const MarkdownSection& section, bool continued) {
  return "<details><summary>" + section.summary + (continued ? " (continued)" : "") +
         "</summary>\n\n```diff\n";
}

// Room kept in every part for its marker line, its "part K of N" line and its "continued" line.
std::size_t Reserve(const MarkdownDocument& doc) { return 2 * doc.marker.size() + 96; }

// `item` cut after its last whole line that leaves room for the cut line within `room` bytes (or
// inside its first line, at a character boundary, when even that line is too long).
std::string Cut(const std::string& item, std::size_t room) {
  if (room < kCutLine.size() + 64) throw Error("--max-bytes is too small for this plan");
  std::size_t keep = room - kCutLine.size() - 1;
  std::size_t end = item.rfind('\n', keep - 1);
  if (end != std::string::npos) return item.substr(0, end + 1) + kCutLine;
  while (keep > 0 && (static_cast<unsigned char>(item[keep]) & 0xC0) == 0x80) --keep;
  return item.substr(0, keep) + "\n" + kCutLine;
}

struct Packed {
  std::vector<std::string> bodies;
  std::size_t left_out = 0;  // items not placed (first part only)
};

// Fills parts of at most `budget` bytes in order; with `first_only`, stops when the first is full.
Packed Pack(const MarkdownDocument& doc, std::size_t budget, bool first_only) {
  if (doc.header.size() > budget) {
    throw Error("the plan's summary alone needs " +
                std::to_string(doc.header.size() + Reserve(doc)) + " bytes; raise --max-bytes");
  }
  Packed out;
  std::string part = doc.header;
  bool stopped = false;
  for (const auto& section : doc.sections) {
    bool opened = false;   // in this part
    bool started = false;  // in any part
    for (std::string item : section.items) {
      if (stopped) {
        ++out.left_out;
        continue;
      }
      std::size_t open = opened ? 0 : Open(section, started).size();
      if (part.size() + open + item.size() + kClose.size() > budget) {
        if (first_only) {
          stopped = true;
          ++out.left_out;
          continue;
        }
        if (opened) part += kClose;
        out.bodies.push_back(std::move(part));
        part.clear();
        opened = false;
        std::size_t room = budget - Open(section, started).size() - kClose.size();
        if (item.size() > room) item = Cut(item, room);
      }
      if (!opened) part += Open(section, started);
      opened = started = true;
      part += item;
    }
    if (opened) part += kClose;
  }
  out.bodies.push_back(std::move(part));
  return out;
}

std::string MarkerLine(const MarkdownDocument& doc, std::size_t k, std::size_t n) {
  if (k == 1) return "<!-- " + doc.marker + " -->\n";
  return "<!-- " + doc.marker + " part " + std::to_string(k) + "/" + std::to_string(n) + " -->\n";
}

void CheckLimit(std::size_t max_bytes) {
  if (max_bytes < kMinMarkdownBytes) {
    throw Error("--max-bytes " + std::to_string(max_bytes) + " is too small (at least " +
                std::to_string(kMinMarkdownBytes) + ")");
  }
}

}  // namespace

std::vector<std::string> SplitMarkdown(const MarkdownDocument& doc, std::size_t max_bytes) {
  CheckLimit(max_bytes);
  auto packed = Pack(doc, max_bytes - Reserve(doc), false);
  std::size_t n = packed.bodies.size();
  std::vector<std::string> parts;
  for (std::size_t k = 1; k <= n; ++k) {
    std::string text = MarkerLine(doc, k, n);
    if (k > 1) {
      text +=
          "_" + doc.marker + ", part " + std::to_string(k) + " of " + std::to_string(n) + "_\n\n";
    }
    text += packed.bodies[k - 1];
    if (k < n) text += "_Continued in part " + std::to_string(k + 1) + "._\n";
    parts.push_back(std::move(text));
  }
  return parts;
}

std::string TruncateMarkdown(const MarkdownDocument& doc, std::size_t max_bytes) {
  CheckLimit(max_bytes);
  auto packed = Pack(doc, max_bytes - Reserve(doc), true);
  std::string text = MarkerLine(doc, 1, 1) + packed.bodies.front();
  if (packed.left_out > 0) {
    std::size_t n = packed.left_out;
    text += "**" + std::to_string(n) + (n == 1 ? " more change" : " more changes") +
            ", see the plan artefact.**\n";
  }
  return text;
}

}  // namespace meshform::cli
