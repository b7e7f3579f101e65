// How `plan` and `show` print a plan: -o text (plan_text.h), json (plan_json.h) or markdown
// (plan_markdown.h: a pull-request comment, at most --max-bytes; with --out-markdown FILE cut
// into parts FILE.1.md, FILE.2.md, ..., else truncated on stdout with a line saying how many
// changes were left out).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>

#include "engine/cli/command.h"
#include "engine/plan/plan.h"

namespace meshform::cli {

// GitHub refuses comments over 65,536 bytes; this leaves room for what a bot adds.
inline constexpr std::size_t kDefaultMarkdownBytes = 65000;

struct PlanOutput {
  std::string format = "text";  // text | json | markdown
  std::size_t max_bytes = kDefaultMarkdownBytes;
  std::string markdown_file;  // --out-markdown: parts go to FILE.K.md
};

// -o/--output, --max-bytes, --out-markdown (also -out-markdown).
po::options_description PlanOutputOptions();

// The parsed options, or nothing when they are invalid (said on `err`, prefixed by `command`).
std::optional<PlanOutput> PlanOutputFrom(const po::variables_map& vars, const std::string& command,
                                         std::ostream& err);

// Prints `plan` as `output` asks on `out`; markdown parts written to files are named on `out`,
// one per line. Throws meshform::Error when a part cannot be written.
void PrintPlan(const plan::Plan& plan, const PlanOutput& output, std::ostream& out);

}  // namespace meshform::cli
