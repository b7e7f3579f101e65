// The topology lock: acquiring, renewing in the background, releasing (see lock.h).
#include "engine/state/lock.h"

#include <spdlog/spdlog.h>

#include <random>

namespace meshform::state {
namespace {

using std::chrono::duration_cast;
using std::chrono::milliseconds;
using SteadyClock = std::chrono::steady_clock;

std::string RandomToken() {
  std::random_device device;
  std::uniform_int_distribution<uint64_t> any;
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(any(device)));
  return buffer;
}

std::string LeaseText(const kube::ObjectRef& ref) { return ref.ns + "/" + ref.name; }

// Why a renewal found the lease no longer this run's, from the record it saw (none: deleted).
std::string LostBecause(const std::optional<LeaseRecord>& seen) {
  if (!seen)
    return "the lease was deleted by someone else (not re-created: another run may have held it "
           "meanwhile)";
  if (seen->holder.empty()) return "the lease was released by someone else";
  return "taken over by " + seen->holder;
}

}  // namespace

LockHeld::LockHeld(std::string holder, std::string since, std::string lease,
                   std::chrono::seconds expires_in)
    : Error("locked by " + holder + " since " + since + " (lease " + lease + ", expires in " +
            std::to_string(expires_in.count()) + "s)"),
      holder_(std::move(holder)),
      since_(std::move(since)),
      expires_in_(expires_in) {}

std::string LockLeaseName(const std::string& topology) { return "meshform-lock-" + topology; }

std::optional<std::string> DescribeLockHolder(kube::Client& host, const std::string& topology) {
  auto lease = host.GetIfExists(
      {"coordination.k8s.io/v1", "Lease", kLockNamespace, LockLeaseName(topology)});
  if (!lease) return std::nullopt;
  LeaseRecord record = ReadLeaseRecord(*lease);
  auto expires = record.renew_time + std::chrono::seconds(record.duration_seconds);
  if (record.holder.empty() || expires <= std::chrono::system_clock::now()) return std::nullopt;
  return "locked by " + record.holder + " since " + FormatSeconds(record.acquire_time);
}

TopologyLock::TopologyLock(kube::Client& host, LockOptions options, std::string token)
    : host_(host),
      options_(std::move(options)),
      elector_(host, {options_.ns, LockLeaseName(options_.topology), options_.identity,
                      std::move(token), options_.lease_duration, options_.clock}) {}

std::unique_ptr<TopologyLock> TopologyLock::Acquire(kube::Client& host, LockOptions options) {
  if (options.identity.empty()) options.identity = DefaultLockIdentity();
  std::unique_ptr<TopologyLock> lock(new TopologyLock(host, std::move(options), RandomToken()));
  lock->TakeOrThrow();
  lock->renewer_ = std::thread([raw = lock.get()] { raw->RenewLoop(); });
  return lock;
}

void TopologyLock::TakeOrThrow() {
  kube::Clock& clock = options_.clock ? *options_.clock : kube::RealClock::Instance();
  const kube::TimePoint deadline = clock.Now() + options_.wait_timeout;
  while (!elector_.TryAcquireOrRenew()) {
    const auto& held = elector_.observed();
    if (clock.Now() >= deadline && held && !held->holder.empty()) {
      throw LockHeld(held->holder, FormatSeconds(held->acquire_time), LeaseText(lease()),
                     elector_.RemainingValidity());
    }
    // Lost a create/update race, or still waiting: look again after a pause (at once after a
    // lost race when no longer waiting, so that the refusal can name the winner).
    auto left = duration_cast<milliseconds>(deadline - clock.Now());
    if (left.count() > 0) clock.SleepFor(std::min(options_.retry_period, left));
  }
  spdlog::debug("{}: lock {} taken by {}", host_.cluster(), LeaseText(lease()), identity());
}

TopologyLock::~TopologyLock() { Release(); }

void TopologyLock::Release() {
  {
    std::lock_guard guard(mu_);
    if (released_) return;
    released_ = stopping_ = true;
  }
  stop_cv_.notify_all();
  if (renewer_.joinable()) renewer_.join();
  if (lost()) return;  // someone else holds it now: leave their record alone
  try {
    elector_.Release();
  } catch (const std::exception& error) {
    spdlog::warn("{}: could not release lock {}: {} (it expires by itself)", host_.cluster(),
                 LeaseText(lease()), error.what());
  }
}

bool TopologyLock::SleepUnlessStopped(SteadyClock::duration period) {
  std::unique_lock guard(mu_);
  return !stop_cv_.wait_for(guard, period, [this] { return stopping_; });
}

void TopologyLock::MarkLost(const std::string& why) {
  lost_.store(true);
  spdlog::error("{}: lost lock {}: {}", host_.cluster(), LeaseText(lease()), why);
  if (options_.on_lost) options_.on_lost(why);
}

void TopologyLock::RenewLoop() {
  const SteadyClock::duration renew_every = options_.lease_duration / 3;
  const SteadyClock::duration retry_every =
      std::min<SteadyClock::duration>(renew_every, std::chrono::seconds(1));
  SteadyClock::time_point last_renewal = SteadyClock::now();
  SteadyClock::duration pause = renew_every;
  while (SleepUnlessStopped(pause)) {
    auto before = last_renewal;
    if (!RenewOnce(last_renewal)) return;
    pause = last_renewal != before ? renew_every : retry_every;
  }
}

bool TopologyLock::RenewOnce(SteadyClock::time_point& last_renewal) {
  // Give up before the lease can expire in the eyes of others: 2/3 of its duration.
  const SteadyClock::duration deadline = options_.lease_duration * 2 / 3;
  std::string why;
  try {
    switch (elector_.Renew()) {
      case LeaseElector::Renewal::kRenewed:
        last_renewal = SteadyClock::now();
        return true;
      case LeaseElector::Renewal::kLost:
        MarkLost(LostBecause(elector_.observed()));
        return false;
      case LeaseElector::Renewal::kRaced:
        why = "a concurrent write of the lease won (409 Conflict)";
        break;
    }
  } catch (const std::exception& error) {
    why = error.what();
  }
  spdlog::warn("{}: renewing lock {} failed: {}", host_.cluster(), LeaseText(lease()), why);
  if (SteadyClock::now() - last_renewal >= deadline) {
    MarkLost("not renewed within " + std::to_string(duration_cast<milliseconds>(deadline).count()) +
             "ms: " + why);
    return false;
  }
  return true;
}

}  // namespace meshform::state
