// The polling loop of the waits (see waits_poll.h).
#include "engine/readiness/poll.h"

#include <algorithm>

#include "engine/kube/errors.h"
#include "engine/util/thread_memory.h"

namespace meshform::readiness {
namespace {

using std::chrono::duration_cast;
using std::chrono::milliseconds;

// Calls observe(); a transient API error becomes an in-progress observation that keeps the
// previous one's rule and status.
Observation ObserveOnce(const Observe& observe, const Observation& previous) {
  try {
    return observe();
  } catch (const kube::ApiError& error) {
    if (!kube::IsTransient(error)) throw;
    Observation retry = previous;
    retry.state = Readiness::kInProgress;
    retry.verdict = std::string("transient error: ") + error.what();
    return retry;
  }
}

WaitReport Report(const std::string& cluster, const kube::ObjectRef& ref, const Observation& seen,
                  milliseconds elapsed) {
  return {cluster, ref, seen.rule, elapsed, seen.verdict, seen.last_status};
}

}  // namespace

std::string StatusText(const nlohmann::json& live) {
  if (!live.is_object() || !live.contains("status")) return "";
  std::string text = live["status"].dump();
  constexpr size_t kMax = 600;
  if (text.size() > kMax) text = text.substr(0, kMax) + "...";
  return text;
}

Observation PollUntilReady(const std::string& cluster, const kube::ObjectRef& ref,
                           const WaitOptions& options, const Observe& observe,
                           std::optional<Observation> first) {
  kube::Clock& clock = options.clock ? *options.clock : kube::RealClock::Instance();
  const kube::TimePoint start = clock.Now();
  kube::TimePoint next_progress = start + options.progress_interval;
  milliseconds interval = options.poll_interval;
  Observation seen = first ? std::move(*first) : ObserveOnce(observe, Observation{});
  while (true) {
    auto elapsed = duration_cast<milliseconds>(clock.Now() - start);
    if (seen.state == Readiness::kReady) return seen;
    if (seen.state == Readiness::kFailed) throw WaitFailed(Report(cluster, ref, seen, elapsed));
    if (elapsed >= options.timeout) throw WaitTimeout(Report(cluster, ref, seen, elapsed));
    if (options.on_progress && clock.Now() >= next_progress) {
      options.on_progress({cluster, ref, seen.rule, elapsed, seen.verdict});
      next_progress += options.progress_interval;
    }
    ReleaseThreadCaches();  // what this round's observation freed, before the thread sleeps
    clock.SleepFor(std::min(interval, options.timeout - elapsed));
    interval = std::min(options.max_poll_interval,
                        duration_cast<milliseconds>(interval * options.backoff_factor));
    seen = ObserveOnce(observe, seen);
  }
}

}  // namespace meshform::readiness
