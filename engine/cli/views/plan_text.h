// The plan as a person reads it, like `terraform plan`: grouped by cluster, one line per
// resource with its action symbol (+ create, ~ update, -/+ replace, - delete), field-level
// changes with paths, conflicts with other field managers, Secret data and every generated value
// shown as (sensitive), placeholders as (known after apply), and a summary line.
#pragma once

#include <string>

#include "engine/plan/plan.h"

namespace meshform::cli {

struct TextOptions {
  bool color = false;  // ANSI colours (only on a terminal, and never with NO_COLOR)
  bool show_no_ops = false;
};

std::string RenderPlanText(const plan::Plan& plan, const TextOptions& options = {});

// One change as the plan's text shows it: its line ("  ~ ADDRESS  # reason") and, for updates
// and replaces, a line per changed field and conflict, values redacted as in the whole plan.
std::string RenderChangeText(const plan::Change& change, const TextOptions& options = {});

// "Plan: 12 to add, 3 to change, 0 to destroy." (a replace counts as one add and one destroy),
// or "No changes. ..." when there is nothing to do.
std::string SummaryLine(const plan::Plan& plan);

// Whether colour should be used on stdout: a terminal and NO_COLOR unset.
bool ColorWanted();

}  // namespace meshform::cli
