// PhaseLog (see phase_timer.h).
#include "engine/util/phase_timer.h"

#include <algorithm>
#include <cstdio>

namespace meshform {
namespace {

std::mutex& Mu() {
  static std::mutex mu;
  return mu;
}

std::vector<std::pair<std::string, PhaseDuration>>& Log() {
  static std::vector<std::pair<std::string, PhaseDuration>> log;
  return log;
}

std::string Text(PhaseDuration d) {
  char buffer[32];
  if (d.count() < 1000) {
    std::snprintf(buffer, sizeof buffer, "%.0f ms", d.count());
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f s", d.count() / 1000);
  }
  return buffer;
}

}  // namespace

void PhaseLog::Record(std::string phase, PhaseDuration took) {
  std::lock_guard<std::mutex> lock(Mu());
  Log().emplace_back(std::move(phase), took);
}

std::vector<std::pair<std::string, PhaseDuration>> PhaseLog::Entries() {
  std::lock_guard<std::mutex> lock(Mu());
  return Log();
}

std::string PhaseLog::Summary() {
  std::vector<std::pair<std::string, PhaseDuration>> summed;
  for (const auto& entry : Entries()) {
    const std::string& phase = entry.first;
    auto it = std::find_if(summed.begin(), summed.end(),
                           [&](const auto& seen) { return seen.first == phase; });
    if (it == summed.end()) {
      summed.push_back(entry);
    } else {
      it->second += entry.second;
    }
  }
  std::string out;
  for (const auto& [phase, took] : summed) {
    out += (out.empty() ? "" : ", ") + phase + " " + Text(took);
  }
  return out;
}

}  // namespace meshform
