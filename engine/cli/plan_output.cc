#include "engine/cli/plan_output.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "engine/cli/views/plan_markdown.h"
#include "engine/cli/views/plan_text.h"
#include "engine/plan/plan_json.h"
#include "engine/util/error.h"

namespace meshform::cli {
namespace {

std::string PartFile(const std::string& base, std::size_t k) {
  return base + "." + std::to_string(k) + ".md";
}

// Writes FILE.1.md ... FILE.N.md and removes FILE.N+1.md ... left by an earlier, longer plan
// (a bot posting every FILE.*.md would post stale parts).
void WriteParts(const std::vector<std::string>& parts, const std::string& base, std::ostream& out) {
  for (std::size_t k = 1; k <= parts.size(); ++k) {
    std::string path = PartFile(base, k);
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << parts[k - 1];
    file.close();
    if (!file) throw Error("cannot write " + path);
    out << path << "\n";
  }
  for (std::size_t k = parts.size() + 1; std::filesystem::exists(PartFile(base, k)); ++k) {
    std::filesystem::remove(PartFile(base, k));
  }
}

}  // namespace

po::options_description PlanOutputOptions() {
  po::options_description o("Output");
  o.add_options()("output,o", po::value<std::string>()->default_value("text"),
                  "text, json or markdown (a pull-request comment)")(
      "max-bytes", po::value<std::size_t>()->default_value(kDefaultMarkdownBytes),
      "markdown: the most bytes of one comment")(
      "out-markdown", po::value<std::string>(),
      "markdown: write the comment in parts of at most --max-bytes to FILE.1.md, FILE.2.md, ... "
      "(also -out-markdown); without it, stdout gets the first part only");
  return o;
}

std::optional<PlanOutput> PlanOutputFrom(const po::variables_map& vars, const std::string& command,
                                         std::ostream& err) {
  PlanOutput output;
  output.format = vars["output"].as<std::string>();
  output.max_bytes = vars["max-bytes"].as<std::size_t>();
  if (vars.count("out-markdown")) output.markdown_file = vars["out-markdown"].as<std::string>();
  if (output.format != "text" && output.format != "json" && output.format != "markdown") {
    err << "meshform " << command << ": --output must be text, json or markdown\n";
    return std::nullopt;
  }
  if (!output.markdown_file.empty() && output.format != "markdown") {
    err << "meshform " << command << ": --out-markdown needs -o markdown\n";
    return std::nullopt;
  }
  return output;
}

void PrintPlan(const plan::Plan& plan, const PlanOutput& output, std::ostream& out) {
  if (output.format == "json") {
    out << plan::PlanToJson(plan).dump(2) << "\n";
  } else if (output.format == "markdown") {
    auto doc = PlanMarkdown(plan);
    if (output.markdown_file.empty()) {
      out << TruncateMarkdown(doc, output.max_bytes);
    } else {
      WriteParts(SplitMarkdown(doc, output.max_bytes), output.markdown_file, out);
    }
  } else {
    out << RenderPlanText(plan, {ColorWanted(), false});
  }
}

}  // namespace meshform::cli
