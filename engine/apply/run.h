// Running a plan for real, as `meshform apply` and `meshform destroy` do: the journal file
// (.meshform/ in the working directory, like Terraform's .terraform/), the Kubernetes step runner
// with the data-driven waits, the executor.
#pragma once

#include <atomic>
#include <chrono>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "engine/apply/result.h"
#include "engine/apply/status.h"
#include "engine/kube/cluster_clients.h"
#include "engine/plan/plan.h"
#include "engine/state/lock.h"

namespace meshform::apply {

struct RunOptions {
  int parallelism = 32;
  bool rollback = true;
  bool force_conflicts = false;
  std::string kubeconfig;      // for cluster-endpoint values ("" = kubectl's rules)
  std::string journal_folder;  // where .meshform/ goes ("" = the working directory)
  std::chrono::seconds wait_timeout{300};
  std::chrono::seconds lease_duration{30};  // of the lock's Lease (a crashed run's lock expires)
  // How long to wait for the lock before refusing. A lease counts as expired only once this
  // process has seen it unrenewed for a whole lease duration, so waiting a little longer than
  // one duration takes over a crashed run's lock, while a live holder (renewing) is refused.
  std::optional<std::chrono::milliseconds> lock_wait;  // default: lease_duration + 2 s
};

// Executes `plan` (its ValueStore is filled as values are produced). Throws meshform::Error
// only when the run cannot start (the journal file cannot be written).
// `cancel` (optional) turning true stops new steps, like a failure.
ExecuteResult RunPlan(plan::Plan& plan, const kube::ClusterClients& clients,
                      const RunOptions& options, Status& status,
                      const std::atomic<bool>* cancel = nullptr);

// The topology's lock held for one run: the Lease in the inventory cluster, taken *before* the
// run reads any live state (as Terraform locks before refreshing) and renewed on its own until
// released, so that no other apply or destroy can change the clusters between this run's plan
// and its writes. `lost` turns true when the lease is lost; no step starts after that.
struct HeldLock {
  // The lock's own client: its own connection, rate limit and discovery, short timeouts and no
  // retries (LockClientOptions), so that bulk traffic (a 429 pause, a slow LIST) never delays a
  // renewal. Declared first: it outlives the lock.
  std::unique_ptr<kube::Client> client;
  std::unique_ptr<state::TopologyLock> lock;
  std::shared_ptr<std::atomic<bool>> lost = std::make_shared<std::atomic<bool>>(false);
};

// The options of the lock's own client for a run with `options` (its lease duration).
kube::ClientOptions LockClientOptions(const RunOptions& options);

// Takes the lock of `topology` in `host`'s cluster (through a client of its own), waiting up to
// options.lock_wait. Null when another run holds it (named on `err`, with since when) or the lock
// cannot be taken (the error on `err`).
std::unique_ptr<HeldLock> TakeRunLock(kube::Client& host, const std::string& topology,
                                      const RunOptions& options, std::ostream& err);

// RunPlan while `held` is held, then releases it. Returns the exit code: 1 when the lock was lost
// before the run started or the run cannot start (on `err`); else ExitCode(outcome).
int RunHeld(plan::Plan& plan, const kube::ClusterClients& clients, const RunOptions& options,
            Status& status, HeldLock& held, std::ostream& err);

}  // namespace meshform::apply
