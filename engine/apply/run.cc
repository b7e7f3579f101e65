// Running a plan for real (see run.h).
#include "engine/apply/run.h"

#include <ostream>

#include "engine/apply/executor.h"
#include "engine/apply/journal_file.h"
#include "engine/apply/kube_step_runner.h"
#include "engine/apply/waiter_adapter.h"
#include "engine/state/lock.h"

namespace meshform::apply {

ExecuteResult RunPlan(plan::Plan& plan, const kube::ClusterClients& clients,
                      const RunOptions& options, Status& status, const std::atomic<bool>* cancel) {
  auto file =
      std::make_shared<JournalFile>(JournalPath(options.journal_folder, plan.topology_name));
  Journal journal(file);
  readiness::WaitOptions waits;
  waits.timeout = options.wait_timeout;
  WaitsAdapter waiter(waits);
  KubeRunnerOptions runner_options;
  runner_options.force_conflicts = options.force_conflicts;
  runner_options.kubeconfig_path = options.kubeconfig;
  runner_options.topology_name = plan.topology_name;
  runner_options.inventory_cluster = plan.inventory_cluster;
  KubeStepRunner runner(clients, plan.values, waiter, runner_options);
  ExecuteOptions execute;
  execute.parallelism = options.parallelism;
  execute.rollback = options.rollback;
  execute.cancel = cancel;
  return Execute(plan, runner, journal, status, execute);
}

int RunLocked(plan::Plan& plan, const kube::ClusterClients& clients, const RunOptions& options,
              Status& status, std::ostream& err) {
  try {
    state::LockOptions lock_options;
    lock_options.topology = plan.topology_name;
    lock_options.lease_duration = options.lease_duration;
    lock_options.wait_timeout =
        options.lock_wait.value_or(options.lease_duration + std::chrono::seconds(2));
    std::atomic<bool> lost{false};
    lock_options.on_lost = [&](const std::string& why) {
      err << "Error: the lock was lost (" << why << "); no new step starts.\n";
      lost = true;
    };
    auto lock = state::TopologyLock::Acquire(clients.For(plan.inventory_cluster), lock_options);
    int code = ExitCode(RunPlan(plan, clients, options, status, &lost).outcome);
    lock->Release();
    return code;
  } catch (const state::LockHeld& e) {
    err << "Error: another apply or destroy of " << plan.topology_name
        << " is running: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    err << "Error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace meshform::apply
