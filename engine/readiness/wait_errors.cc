// Wait errors and their messages (see waits_errors.h).
#include "engine/readiness/wait_errors.h"

namespace meshform::readiness {
namespace {

std::string Describe(const WaitReport& report) {
  std::string text = report.ref.ToString() + " (" + report.rule + ")";
  if (!report.verdict.empty()) text += ": " + report.verdict;
  if (!report.last_status.empty()) text += "; last status: " + report.last_status;
  return text;
}

std::string Prefix(const WaitReport& report) {
  return report.cluster.empty() ? "" : report.cluster + ": ";
}

}  // namespace

WaitError::WaitError(const std::string& what, WaitReport report)
    : Error(what), report_(std::move(report)) {}

WaitTimeout::WaitTimeout(WaitReport report)
    : WaitError(Prefix(report) + "timed out after " + FormatElapsed(report.elapsed) +
                    " waiting for " + Describe(report),
                report) {}

WaitFailed::WaitFailed(WaitReport report)
    : WaitError(Prefix(report) + "gave up after " + FormatElapsed(report.elapsed) +
                    " waiting for " + Describe(report),
                report) {}

std::string FormatElapsed(std::chrono::milliseconds elapsed) {
  auto ms = elapsed.count();
  if (ms < 1000) return std::to_string(ms) + "ms";
  auto seconds = ms / 1000;
  if (seconds < 60) return std::to_string(seconds) + "s";
  auto minutes = seconds / 60;
  return std::to_string(minutes) + "m" + std::to_string(seconds % 60) + "s";
}

}  // namespace meshform::readiness
