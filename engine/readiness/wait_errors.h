// Errors of the waits: the object did not become ready (or gone) in time, or its rule says it
// never will. Messages name the cluster, the object, the rule, the elapsed time and the last
// observed status.
#pragma once

#include <chrono>
#include <string>

#include "engine/kube/resource.h"
#include "engine/util/error.h"

namespace meshform::readiness {

// What a failed wait was about, for messages and for callers that inspect them.
struct WaitReport {
  std::string cluster;
  kube::ObjectRef ref;
  std::string rule;
  std::chrono::milliseconds elapsed{0};
  std::string verdict;      // the rule's latest message, e.g. "0 of 1 replicas available"
  std::string last_status;  // the live object's .status (compact JSON), or "" / "not found"
};

class WaitError : public Error {
 public:
  WaitError(const std::string& what, WaitReport report);
  const WaitReport& report() const { return report_; }

 private:
  WaitReport report_;
};

// "beijing: timed out after 30s waiting for apps/v1 Deployment ns/x (Deployment available):
// 0 of 1 replicas available; last status: {...}"
class WaitTimeout : public WaitError {
 public:
  explicit WaitTimeout(WaitReport report);
};

// The rule reported a state that does not heal by waiting (ProgressDeadlineExceeded, CRD
// names not accepted).
class WaitFailed : public WaitError {
 public:
  explicit WaitFailed(WaitReport report);
};

// "1m5s", "12s", "850ms": a short human form of a duration.
std::string FormatElapsed(std::chrono::milliseconds elapsed);

}  // namespace meshform::readiness
