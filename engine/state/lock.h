// The topology lock: one apply or destroy at a time per topology, through the Lease
// meshform-system/meshform-lock-<topology> in the host cluster. Acquire takes it (creating the
// namespace and the Lease when missing, taking over an expired one), a background thread
// renews it every duration/3 while the run goes on, and Release (or the destructor) clears
// the holder. A refused run gets LockHeld, naming the holder and since when. If renewing keeps
// failing past the renew deadline, or the Lease was taken over, released or deleted by someone
// else (a renewal never re-creates or re-takes it), the lock is lost: lost() turns true and
// on_lost is called once, from the renewing thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "engine/kube/client.h"
#include "engine/state/lease_elector.h"
#include "engine/util/error.h"

namespace meshform::state {

inline constexpr const char* kLockNamespace = "meshform-system";

struct LockOptions {
  std::string topology;
  std::string ns = kLockNamespace;
  std::chrono::seconds lease_duration{30};
  // How long Acquire keeps trying while another holder's lease is valid; 0: refuse at once.
  std::chrono::milliseconds wait_timeout{0};
  std::chrono::milliseconds retry_period{1000};  // between tries while waiting
  std::string identity;                          // empty: DefaultLockIdentity()
  std::function<void(const std::string& why)> on_lost;
  kube::Clock* clock = nullptr;  // null: the real clock (timestamps and waiting for the lock)
};

// "locked by alice@ci-7 pid 4242 since 2026-11-25T18:01:02Z (lease
// meshform-system/meshform-lock-seed, expires in 12s)"
class LockHeld : public Error {
 public:
  LockHeld(std::string holder, std::string since, std::string lease,
           std::chrono::seconds expires_in);
  const std::string& holder() const { return holder_; }
  const std::string& since() const { return since_; }
  std::chrono::seconds expires_in() const { return expires_in_; }

 private:
  std::string holder_;
  std::string since_;
  std::chrono::seconds expires_in_;
};

// "user@host pid N" of this process.
std::string DefaultLockIdentity();
// meshform-lock-<topology>
std::string LockLeaseName(const std::string& topology);

// Without taking it: "locked by alice@ci-7 pid 4242 since 2026-11-25T18:01:02Z" when a run holds
// the topology's lock now (a holder whose lease has not run out), else nothing. For `plan`,
// which never locks but says when an apply or destroy is running. API errors are thrown.
std::optional<std::string> DescribeLockHolder(kube::Client& host, const std::string& topology);

class TopologyLock {
 public:
  // Takes the lock or throws LockHeld (after options.wait_timeout); API errors are thrown.
  // `host` must outlive the lock.
  static std::unique_ptr<TopologyLock> Acquire(kube::Client& host, LockOptions options);

  ~TopologyLock();
  TopologyLock(const TopologyLock&) = delete;
  TopologyLock& operator=(const TopologyLock&) = delete;

  // Stops renewing and clears the holder (best effort: errors are logged). Idempotent.
  void Release();

  bool lost() const { return lost_.load(); }
  const std::string& identity() const { return options_.identity; }
  kube::ObjectRef lease() const { return elector_.ref(); }

 private:
  TopologyLock(kube::Client& host, LockOptions options, std::string token);
  void TakeOrThrow();
  void RenewLoop();
  // One renewal round; returns false when the lock is lost for good.
  bool RenewOnce(std::chrono::steady_clock::time_point& last_renewal);
  void MarkLost(const std::string& why);
  // Sleeps up to `period`; false when Release asked the renewer to stop.
  bool SleepUnlessStopped(std::chrono::steady_clock::duration period);

  kube::Client& host_;
  LockOptions options_;
  LeaseElector elector_;
  std::atomic<bool> lost_{false};
  std::mutex mu_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  bool released_ = false;
  std::thread renewer_;
};

}  // namespace meshform::state
