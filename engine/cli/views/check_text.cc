#include "engine/cli/views/check_text.h"

#include <sstream>

namespace meshform::cli {

namespace {

const char* Mark(check::Result r) {
  switch (r) {
    case check::Result::kPass:
      return "\u2713";  // ✓
    case check::Result::kWarn:
      return "\u203c";  // ‼
    case check::Result::kFail:
      return "\u00d7";  // ×
  }
  return "?";
}

}  // namespace

std::string CheckStatusLine(const check::Report& report) {
  size_t pass = report.Count(check::Result::kPass), warn = report.Count(check::Result::kWarn),
         fail = report.Count(check::Result::kFail);
  std::ostringstream out;
  if (fail == 0 && warn == 0) {
    out << "Status: every check passed (" << pass << ").";
  } else {
    out << "Status: " << fail << " failed, " << warn << (warn == 1 ? " warning, " : " warnings, ")
        << pass << " passed.";
  }
  return out.str();
}

std::string RenderCheckText(const check::Report& report) {
  std::ostringstream out;
  std::string category;
  for (const auto& c : report.checks) {
    if (c.category != category) {
      category = c.category;
      out << (out.tellp() > 0 ? "\n" : "") << category << "\n"
          << std::string(category.size(), '-') << "\n";
    }
    out << Mark(c.result) << " ";
    if (!c.cluster.empty()) out << c.cluster << ": ";
    out << c.message << "\n";
    for (const auto& d : c.details) out << "    " << d << "\n";
    if (c.result != check::Result::kPass && !c.hint.empty()) out << "    hint: " << c.hint << "\n";
  }
  out << "\n" << CheckStatusLine(report) << "\n";
  return out.str();
}

}  // namespace meshform::cli
