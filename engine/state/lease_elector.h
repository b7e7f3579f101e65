// One holder's side of client-go's lease election, one round at a time (notes/kube-api.md
// §10): GET the Lease; create it when missing; back off while another holder's record is
// still valid — judged by the local time at which this elector last saw the record change,
// plus its leaseDurationSeconds, never by comparing the server's timestamps with the local
// clock; otherwise take it over or renew it with a PUT carrying the resourceVersion read, so
// that a concurrent writer makes one of the two fail with 409 Conflict. Not thread-safe: one
// thread at a time (TopologyLock serializes its use).
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "engine/kube/client.h"
#include "engine/kube/clock.h"
#include "engine/state/lease_record.h"

namespace meshform::state {

struct ElectorConfig {
  std::string ns;        // the Lease's namespace (created when missing)
  std::string name;      // the Lease's name
  std::string identity;  // holderIdentity, e.g. "alice@ci-7 pid 4242"
  std::string token;     // unique per elector: same identity in two places is not the same holder
  std::chrono::seconds duration{30};
  kube::Clock* clock = nullptr;  // null: the real clock
};

class LeaseElector {
 public:
  LeaseElector(kube::Client& client, ElectorConfig config);

  // One round: true when this elector holds the lease afterwards (created, taken over or
  // renewed); false when another holder's lease is still valid or a concurrent writer won.
  // API errors other than those races are thrown.
  bool TryAcquireOrRenew();

  // What one renewal round found.
  enum class Renewal {
    kRenewed,  // the record was still this elector's own and now carries a new renewTime
    kRaced,    // a concurrent writer won (409 Conflict): look again
    kLost,     // the Lease is gone, cleared or another holder's (observed() says which)
  };
  // One renewal round of a lease this elector took: GET, and PUT a new renewTime with the
  // resourceVersion read only while the record is still this elector's own. Never creates the
  // Lease nor takes it back: if it was deleted (a human's clean-up) or released or taken over
  // meanwhile, another run may already have held it, so the lock is lost, not re-taken. API
  // errors other than the race are thrown.
  Renewal Renew();

  // Clears the holder (leaseDurationSeconds 1) if this elector still holds the lease.
  void Release();

  // The record seen last (after a failed round: the other holder's).
  const std::optional<LeaseRecord>& observed() const { return observed_; }
  // True when the observed record is this elector's own.
  bool ObservedIsMine() const { return observed_ && IsMine(*observed_); }
  // How long the observed record stays valid by the local clock (0 when expired or none).
  std::chrono::seconds RemainingValidity() const;
  kube::ObjectRef ref() const;

 private:
  bool Create(const LeaseRecord& desired);
  void EnsureNamespace();
  void Observe(const LeaseRecord& record);
  bool IsMine(const LeaseRecord& record) const;
  LeaseRecord Desired(const LeaseRecord* current) const;

  kube::Client& client_;
  ElectorConfig config_;
  kube::Clock& clock_;
  std::optional<LeaseRecord> observed_;
  kube::TimePoint observed_at_{};
};

}  // namespace meshform::state
