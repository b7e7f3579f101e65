// The lease election round (see lease_elector.h).
#include "engine/state/lease_elector.h"

#include <spdlog/spdlog.h>

namespace meshform::state {
namespace {

using nlohmann::json;

json NewLease(const std::string& ns, const std::string& name) {
  return {{"apiVersion", "coordination.k8s.io/v1"},
          {"kind", "Lease"},
          {"metadata",
           {{"name", name},
            {"namespace", ns},
            {"labels", {{"app.kubernetes.io/managed-by", "meshform"}}}}},
          {"spec", json::object()}};
}

}  // namespace

LeaseElector::LeaseElector(kube::Client& client, ElectorConfig config)
    : client_(client),
      config_(std::move(config)),
      clock_(config_.clock ? *config_.clock : kube::RealClock::Instance()) {}

kube::ObjectRef LeaseElector::ref() const {
  return {"coordination.k8s.io/v1", "Lease", config_.ns, config_.name};
}

bool LeaseElector::IsMine(const LeaseRecord& record) const {
  return record.holder == config_.identity && record.token == config_.token;
}

void LeaseElector::Observe(const LeaseRecord& record) {
  if (!observed_ || !(*observed_ == record)) {
    observed_ = record;
    observed_at_ = clock_.Now();
  }
}

std::chrono::seconds LeaseElector::RemainingValidity() const {
  if (!observed_ || observed_->holder.empty()) return std::chrono::seconds(0);
  auto expiry = observed_at_ + std::chrono::seconds(observed_->duration_seconds);
  auto left = std::chrono::ceil<std::chrono::seconds>(expiry - clock_.Now());
  return std::max(left, std::chrono::seconds(0));
}

LeaseRecord LeaseElector::Desired(const LeaseRecord* current) const {
  LeaseRecord desired;
  desired.holder = config_.identity;
  desired.token = config_.token;
  desired.duration_seconds = config_.duration.count();
  desired.acquire_time = desired.renew_time = clock_.WallNow();
  if (current && IsMine(*current)) {
    desired.acquire_time = current->acquire_time;
    desired.transitions = current->transitions;
  } else if (current) {
    desired.transitions = current->transitions + 1;
  }
  return desired;
}

void LeaseElector::EnsureNamespace() {
  json ns = {{"apiVersion", "v1"},
             {"kind", "Namespace"},
             {"metadata",
              {{"name", config_.ns}, {"labels", {{"app.kubernetes.io/managed-by", "meshform"}}}}}};
  try {
    client_.Create(ns);
    spdlog::info("{}: created namespace {} for the lock", client_.cluster(), config_.ns);
  } catch (const kube::AlreadyExists&) {
  }
}

bool LeaseElector::Create(const LeaseRecord& desired) {
  json lease = NewLease(config_.ns, config_.name);
  WriteLeaseRecord(desired, lease);
  try {
    try {
      client_.Create(lease);
    } catch (const kube::NotFound&) {  // the namespace is missing
      EnsureNamespace();
      client_.Create(lease);
    }
  } catch (const kube::AlreadyExists&) {
    return false;  // another holder created it first
  }
  Observe(desired);
  return true;
}

bool LeaseElector::TryAcquireOrRenew() {
  std::optional<json> lease = client_.GetIfExists(ref());
  if (!lease) return Create(Desired(nullptr));
  LeaseRecord current = ReadLeaseRecord(*lease);
  Observe(current);
  if (!current.holder.empty() && !IsMine(current) && RemainingValidity().count() > 0) {
    return false;
  }
  LeaseRecord desired = Desired(&current);
  WriteLeaseRecord(desired, *lease);
  try {
    client_.Replace(*lease);
  } catch (const kube::Conflict&) {
    return false;  // someone wrote it since our GET
  }
  Observe(desired);
  return true;
}

LeaseElector::Renewal LeaseElector::Renew() {
  std::optional<json> lease = client_.GetIfExists(ref());
  if (!lease) {
    observed_.reset();
    return Renewal::kLost;
  }
  LeaseRecord current = ReadLeaseRecord(*lease);
  Observe(current);
  if (!IsMine(current)) return Renewal::kLost;
  LeaseRecord desired = Desired(&current);
  WriteLeaseRecord(desired, *lease);
  try {
    client_.Replace(*lease);
  } catch (const kube::Conflict&) {
    return Renewal::kRaced;
  }
  Observe(desired);
  return Renewal::kRenewed;
}

void LeaseElector::Release() {
  for (int attempt = 0; attempt < 3; ++attempt) {
    std::optional<json> lease = client_.GetIfExists(ref());
    if (!lease || !IsMine(ReadLeaseRecord(*lease))) return;
    LeaseRecord released = ReadLeaseRecord(*lease);
    released.holder.clear();
    released.token.clear();
    released.duration_seconds = 1;
    released.renew_time = clock_.WallNow();
    WriteLeaseRecord(released, *lease);
    try {
      client_.Replace(*lease);
      Observe(released);
      return;
    } catch (const kube::Conflict&) {
    }
  }
}

}  // namespace meshform::state
