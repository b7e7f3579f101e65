// The plan as a pull-request comment (`plan -o markdown`, `show -o markdown`), as GitOps bots
// post it: a first line a bot can find to update its own earlier comment
// (`<!-- meshform plan: NAME -->`), the summary line, a table with one row per cluster (add,
// change, replace, destroy: a replace counts only as a replace), a warning block when the plan
// destroys or replaces objects or changes the mesh CA (`istio-system/cacerts`) or a remote
// secret (`istio-system/istio-remote-secret-*`) — those restart workloads or cut traffic —
// the plan's warnings and drift, then a collapsible <details> per cluster (and one for the
// generated values) holding its changes in a ```diff block: the text plan's own lines
// (RenderChangeText, so values are redacted exactly as there), each with its symbol moved to
// the first column for GitHub's diff colours ("~" shown as "!").
#pragma once

#include "engine/cli/views/markdown_parts.h"
#include "engine/plan/plan.h"

namespace meshform::cli {

MarkdownDocument PlanMarkdown(const plan::Plan& plan);

// A text-plan line with its action symbol in the first column: "      ~ .spec.x: 1 -> 2" becomes
// "!       .spec.x: 1 -> 2". Lines without a symbol are kept.
std::string DiffLine(const std::string& text_line);

}  // namespace meshform::cli
