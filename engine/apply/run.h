// Running a plan for real, as `meshform apply` and `meshform destroy` do: the journal file
// (.meshform/ in the working directory, like Terraform's .terraform/), the Kubernetes step runner
// with the data-driven waits, the executor.
#pragma once

#include <atomic>
#include <chrono>
#include <iosfwd>
#include <optional>
#include <string>

#include "engine/apply/result.h"
#include "engine/apply/status.h"
#include "engine/kube/cluster_clients.h"
#include "engine/plan/plan.h"

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

// RunPlan under the topology's lock (the Lease in the inventory cluster, held and renewed for
// the whole run). Returns the exit code: 1 when the lock is held by another run (named on
// `err`, with since when) or the run cannot start; else ExitCode(outcome).
int RunLocked(plan::Plan& plan, const kube::ClusterClients& clients, const RunOptions& options,
              Status& status, std::ostream& err);

}  // namespace meshform::apply
