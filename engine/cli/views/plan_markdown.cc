#include "engine/cli/views/plan_markdown.h"

#include <map>
#include <sstream>

#include "engine/cli/views/plan_text.h"

namespace meshform::cli {
namespace {

using plan::Action;
using plan::Change;
using plan::Plan;

struct Counts {
  int add = 0, change = 0, replace = 0, destroy = 0;
  void Count(Action a) {
    add += a == Action::kCreate;
    change += a == Action::kUpdate;
    replace += a == Action::kReplace;
    destroy += a == Action::kDelete;
  }
};

bool IsIstioSecret(const Change& c, const std::string& name_prefix, bool exact) {
  if (!c.resource.is_object() || c.resource.object_kind() != "Secret" ||
      c.resource.object_namespace() != "istio-system") {
    return false;
  }
  const std::string& name = c.resource.object_name();
  return exact ? name == name_prefix : name.rfind(name_prefix, 0) == 0;
}

// Changes that alter what is already there (creating a missing object cuts nothing).
bool Alters(const Change& c) {
  return c.action == Action::kUpdate || c.action == Action::kReplace || c.action == Action::kDelete;
}

// "`a`, `b` and 3 more", at most 10 named (the header stays small whatever the plan's size).
std::string Listed(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < 10; ++i) out += (i ? ", `" : "`") + items[i] + "`";
  if (items.size() > 10) out += " and " + std::to_string(items.size() - 10) + " more";
  return out;
}

void WarningLine(std::ostringstream& out, const std::vector<std::string>& items,
                 const std::string& lead, const std::string& effect) {
  if (items.empty()) return;
  out << "> - **" << items.size() << " " << lead << "**: " << Listed(items) << ". " << effect
      << "\n";
}

void Warnings(const Plan& plan, std::ostringstream& out) {
  std::vector<std::string> destroyed, replaced, ca, remote;
  for (const auto& c : plan.changes) {
    if (!c.resource.is_object()) continue;
    if (c.action == Action::kDelete) destroyed.push_back(c.address);
    if (c.action == Action::kReplace) replaced.push_back(c.address);
    if (Alters(c) && IsIstioSecret(c, "cacerts", true)) ca.push_back(c.address);
    if (Alters(c) && IsIstioSecret(c, "istio-remote-secret-", false)) remote.push_back(c.address);
  }
  if (destroyed.empty() && replaced.empty() && ca.empty() && remote.empty()) return;
  out << "> [!WARNING]\n> This plan can restart workloads or cut traffic in the mesh:\n";
  WarningLine(out, destroyed, "to destroy", "They are deleted, and what uses them stops working.");
  WarningLine(out, replaced, "to replace (deleted, then created)", "They are absent in between.");
  WarningLine(out, ca, "CA secret(s) change",
              "istiod signs with the new CA; workloads trust it only after they restart, and "
              "mTLS across clusters fails until every cluster has the same root.");
  WarningLine(out, remote, "remote secret(s) change",
              "istiod reconnects to those clusters; their endpoints can drop meanwhile.");
  out << "\n";
}

void Drift(const Plan& plan, std::ostringstream& out) {
  std::vector<std::string> changed, deleted;
  for (const auto& c : plan.changes) {
    if (c.drift == plan::Drift::kChanged) changed.push_back(c.address);
    if (c.drift == plan::Drift::kDeleted) deleted.push_back(c.address);
  }
  if (!changed.empty()) {
    out << "**Drift:** changed by another field manager since meshform applied them: "
        << Listed(changed) << ".\n\n";
  }
  if (!deleted.empty()) {
    out << "**Drift:** deleted by someone else since meshform created them: " << Listed(deleted)
        << ".\n\n";
  }
}

std::string Header(const Plan& plan, const std::map<std::string, Counts>& by_cluster) {
  std::ostringstream out;
  out << "### meshform " << (plan.mode == plan::Mode::kDestroy ? "destroy plan" : "plan") << ": `"
      << plan.topology_name << "`\n\n**" << SummaryLine(plan) << "**\n\n";
  if (plan.HasChanges()) {
    out << "| cluster | add | change | replace | destroy |\n|:--|--:|--:|--:|--:|\n";
    for (const auto& [cluster, n] : by_cluster) {
      out << "| " << cluster << " | " << n.add << " | " << n.change << " | " << n.replace << " | "
          << n.destroy << " |\n";
    }
    out << "\n";
  }
  Warnings(plan, out);
  for (const auto& w : plan.warnings) out << "**Warning:** " << w << "\n\n";
  Drift(plan, out);
  return out.str();
}

std::string Item(const Change& c) {
  std::istringstream lines(RenderChangeText(c));
  std::string out, line;
  while (std::getline(lines, line)) out += DiffLine(line) + "\n";
  return out;
}

std::string SectionSummary(const std::string& name, const Counts& n) {
  return name + ": " + std::to_string(n.add) + " to add, " + std::to_string(n.change) +
         " to change, " + std::to_string(n.replace) + " to replace, " + std::to_string(n.destroy) +
         " to destroy";
}

}  // namespace

std::string DiffLine(const std::string& text_line) {
  size_t start = text_line.find_first_not_of(' ');
  if (start == std::string::npos) return text_line;
  size_t end = text_line.find(' ', start);
  std::string symbol = text_line.substr(start, end == std::string::npos ? end : end - start);
  if (symbol != "+" && symbol != "-" && symbol != "~" && symbol != "-/+" && symbol != "!") {
    return text_line;
  }
  std::string first = symbol == "~" ? "!" : symbol;
  return first + text_line.substr(0, start) + text_line.substr(start + symbol.size());
}

MarkdownDocument PlanMarkdown(const Plan& plan) {
  std::map<std::string, Counts> by_cluster;
  std::map<std::string, MarkdownSection> sections;
  MarkdownSection values;
  for (const auto& c : plan.changes) {
    if (c.resource.is_object()) by_cluster[c.cluster].Count(c.action);
    if (c.action == Action::kNoOp) continue;
    (c.resource.is_value() ? values : sections[c.cluster]).items.push_back(Item(c));
  }
  MarkdownDocument doc;
  doc.marker = "meshform plan: " + plan.topology_name;
  doc.header = Header(plan, by_cluster);
  for (auto& [cluster, section] : sections) {
    section.summary = SectionSummary(cluster, by_cluster[cluster]);
    doc.sections.push_back(std::move(section));
  }
  if (!values.items.empty()) {
    values.summary = "generated values: " + std::to_string(values.items.size());
    doc.sections.push_back(std::move(values));
  }
  return doc;
}

}  // namespace meshform::cli
