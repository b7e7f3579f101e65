#include "engine/cli/views/plan_text.h"

#include <unistd.h>

#include <cstdlib>
#include <map>
#include <sstream>

#include "engine/plan/shown_value.h"

namespace meshform::cli {
namespace {

using plan::Action;
using plan::Change;
using plan::IsSensitive;
using plan::Mode;
using plan::Plan;
using plan::ShowValue;

const char* kGreen = "\033[32m";
const char* kYellow = "\033[33m";
const char* kRed = "\033[31m";
const char* kBold = "\033[1m";
const char* kReset = "\033[0m";

struct Style {
  bool color;
  std::string Paint(const char* code, const std::string& text) const {
    return color ? std::string(code) + text + kReset : text;
  }
};

std::string Symbol(Action a) {
  switch (a) {
    case Action::kCreate:
      return "+";
    case Action::kUpdate:
      return "~";
    case Action::kReplace:
      return "-/+";
    case Action::kDelete:
      return "-";
    default:
      return " ";
  }
}

const char* Colour(Action a) {
  switch (a) {
    case Action::kCreate:
      return kGreen;
    case Action::kUpdate:
      return kYellow;
    default:
      return kRed;
  }
}

void RenderFields(const Change& c, const Style& style, std::ostringstream& out) {
  bool hidden = IsSensitive(c);
  for (const auto& f : c.diff.changes) {
    std::string path = ToString(f.path);
    switch (f.op) {
      case ssa::FieldChange::Op::kAdd:
        out << "      " << style.Paint(kGreen, "+") << " " << path << ": "
            << ShowValue(*f.after, hidden) << "\n";
        break;
      case ssa::FieldChange::Op::kChange:
        out << "      " << style.Paint(kYellow, "~") << " " << path << ": "
            << ShowValue(*f.before, hidden) << " -> " << ShowValue(*f.after, hidden) << "\n";
        break;
      case ssa::FieldChange::Op::kRemove:
        out << "      " << style.Paint(kRed, "-") << " " << path << ": "
            << ShowValue(*f.before, hidden) << "\n";
        break;
    }
  }
  for (const auto& conflict : c.diff.conflicts) {
    out << "      " << style.Paint(kRed, "!") << " conflict: " << ToString(conflict.path)
        << " is owned by field manager \"" << conflict.manager
        << "\" (apply fails unless --force-conflicts)\n";
  }
}

void RenderChange(const Change& c, const Style& style, std::ostringstream& out) {
  std::string head = Symbol(c.action);
  out << "  " << style.Paint(Colour(c.action), head) << " " << c.address;
  if (c.resource.is_value()) out << " (" << c.resource.value.type << ")";
  if (!c.reason.empty()) out << "  # " << c.reason;
  out << "\n";
  if (c.action == Action::kUpdate || c.action == Action::kReplace) RenderFields(c, style, out);
}

}  // namespace

std::string RenderChangeText(const Change& change, const TextOptions& options) {
  std::ostringstream out;
  RenderChange(change, Style{options.color}, out);
  return out.str();
}

bool ColorWanted() {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return isatty(STDOUT_FILENO) != 0;
}

std::string SummaryLine(const Plan& plan) {
  if (!plan.HasChanges()) {
    return plan.mode == Mode::kDestroy
               ? "No changes. Nothing meshform manages for this topology exists."
               : "No changes. Your clusters match the topology.";
  }
  int add = plan.Count(Action::kCreate) + plan.Count(Action::kReplace);
  int change = plan.Count(Action::kUpdate);
  int destroy = plan.Count(Action::kDelete) + plan.Count(Action::kReplace);
  std::ostringstream out;
  out << "Plan: " << add << " to add, " << change << " to change, " << destroy << " to destroy.";
  return out.str();
}

std::string RenderPlanText(const Plan& plan, const TextOptions& options) {
  Style style{options.color};
  std::map<std::string, std::vector<const Change*>> by_cluster;
  std::vector<const Change*> values;
  for (const auto& c : plan.changes) {
    if (c.action == Action::kNoOp && !options.show_no_ops) continue;
    (c.resource.is_value() ? values : by_cluster[c.cluster]).push_back(&c);
  }
  std::ostringstream out;
  if (plan.HasChanges()) {
    out << "meshform will perform the following actions:\n";
    for (const auto& [cluster, changes] : by_cluster) {
      out << "\n" << style.Paint(kBold, "# cluster " + cluster) << "\n";
      for (const auto* c : changes) RenderChange(*c, style, out);
    }
    if (!values.empty()) {
      out << "\n" << style.Paint(kBold, "# generated values") << "\n";
      for (const auto* c : values) RenderChange(*c, style, out);
    }
    out << "\n";
  }
  for (const auto& w : plan.warnings) out << "Warning: " << w << "\n";
  out << style.Paint(kBold, SummaryLine(plan)) << "\n";
  return out.str();
}

}  // namespace meshform::cli
