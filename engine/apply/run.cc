// Running a plan for real (see run.h).
#include "engine/apply/run.h"

#include <algorithm>
#include <ostream>

#include "engine/apply/executor.h"
#include "engine/apply/journal_file.h"
#include "engine/apply/kube_step_runner.h"
#include "engine/apply/waiter_adapter.h"
#include "engine/util/phase_timer.h"

namespace meshform::apply {

ExecuteResult RunPlan(plan::Plan& plan, const kube::ClusterClients& clients,
                      const RunOptions& options, Status& status, const std::atomic<bool>* cancel) {
  auto file =
      std::make_shared<JournalFile>(JournalPath(options.journal_folder, plan.topology_name),
                                    plan.mode == plan::Mode::kDestroy ? "destroy" : "apply");
  Journal journal(file);
  readiness::WaitOptions waits;
  waits.timeout = options.wait_timeout;
  WaitsAdapter waiter(waits);
  KubeRunnerOptions runner_options;
  runner_options.force_conflicts = options.force_conflicts;
  runner_options.kubeconfig_path = options.kubeconfig;
  runner_options.topology_name = plan.topology_name;
  runner_options.inventory_cluster = plan.inventory_cluster;
  runner_options.lock_lost = cancel;
  KubeStepRunner runner(clients, plan.values, waiter, runner_options);
  ExecuteOptions execute;
  execute.parallelism = options.parallelism;
  execute.rollback = options.rollback;
  execute.cancel = cancel;
  ExecuteResult result = Execute(plan, runner, journal, status, execute);
  if (waiter.waits() > 0) {
    // Waits overlap and hold no request slot: their sum says how much of the run was waiting.
    PhaseLog::Record("readiness waits (" + std::to_string(waiter.waits()) + " steps, summed; " +
                         std::to_string(waiter.lists_sent()) + " shared LISTs)",
                     waiter.waited());
  }
  file->Finish(OutcomeName(result.outcome));
  return result;
}

kube::ClientOptions LockClientOptions(const RunOptions& options) {
  kube::ClientOptions o;
  // One renewal attempt may take a third of the lease; the renewer gives up at two thirds, so
  // no renewal outlives the lease as other runs see it. No retries inside: the renewer retries.
  o.timeout = std::max<std::chrono::milliseconds>(options.lease_duration / 3,
                                                  std::chrono::milliseconds(500));
  o.connect_timeout = std::min(o.timeout, o.connect_timeout);
  o.retry.max_attempts = 1;
  return o;
}

std::unique_ptr<HeldLock> TakeRunLock(kube::Client& host, const std::string& topology,
                                      const RunOptions& options, std::ostream& err) {
  auto held = std::make_unique<HeldLock>();
  held->client = std::make_unique<kube::Client>(host.config(), LockClientOptions(options));
  state::LockOptions lock_options;
  lock_options.topology = topology;
  lock_options.lease_duration = options.lease_duration;
  lock_options.wait_timeout =
      options.lock_wait.value_or(options.lease_duration + std::chrono::seconds(2));
  lock_options.on_lost = [lost = held->lost, &err](const std::string& why) {
    err << "Error: the lock was lost (" << why
        << "); no further write starts, rollback "
           "included.\n";
    lost->store(true);
  };
  try {
    PhaseTimer timer("take the lock");
    held->lock = state::TopologyLock::Acquire(*held->client, lock_options);
    return held;
  } catch (const state::LockHeld& e) {
    err << "Error: another apply or destroy of " << topology << " is running: " << e.what() << "\n";
  } catch (const std::exception& e) {
    err << "Error: the lock of " << topology << " could not be taken: " << e.what() << "\n";
  }
  return nullptr;
}

int RunHeld(plan::Plan& plan, const kube::ClusterClients& clients, const RunOptions& options,
            Status& status, HeldLock& held, std::ostream& err) {
  int code = 1;
  try {
    if (held.lost->load()) {
      err << "Error: the lock was lost before the run started; nothing was changed.\n";
    } else {
      code = ExitCode(RunPlan(plan, clients, options, status, held.lost.get()).outcome);
    }
  } catch (const std::exception& e) {
    err << "Error: " << e.what() << "\n";
  }
  held.lock->Release();
  return code;
}

}  // namespace meshform::apply
