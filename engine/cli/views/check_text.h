// A check report as a person reads it, like `linkerd check`: a heading per category, one line
// per check (✓ passed, ‼ warning, × failed) with the cluster it is about, the details indented
// under it, a hint after each warning and failure, and a status line.
#pragma once

#include <string>

#include "engine/check/report.h"

namespace meshform::cli {

std::string RenderCheckText(const check::Report& report);

// "Status: 2 failed, 1 warning, 14 passed." (or "Status: every check passed (14).")
std::string CheckStatusLine(const check::Report& report);

}  // namespace meshform::cli
