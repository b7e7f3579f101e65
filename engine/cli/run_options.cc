#include "engine/cli/run_options.h"

#include <iostream>

namespace meshform::cli {

// Terraform spells it -auto-approve and -json; boost wants two dashes (both are accepted).
po::options_description RunFlags(const std::string& title, const std::string& rollback_help,
                                 const std::string& wait_help) {
  po::options_description o(title);
  o.add_options()("auto-approve", "do not ask for confirmation")(
      "no-rollback", rollback_help.c_str())("wait-timeout", po::value<int>()->default_value(300),
                                            wait_help.c_str())(
      "lock-lease", po::value<int>()->default_value(30),
      "seconds the lock's lease lasts unless renewed (a crashed run's lock expires after it)")(
      "lock-wait", po::value<int>(),
      "seconds to wait for the lock before refusing (default: the lease duration + 2)")(
      "skip-preflight",
      "do not review, before the first write, that this user may do everything the run needs")(
      "json",
      "print JSON Lines events on stdout instead of text (schemas/apply-events.schema.json); "
      "needs -auto-approve or a saved plan");
  return o;
}

bool RefusedWithoutApproval(const po::variables_map& vars, const std::string& command, bool saved) {
  if (vars.count("json") == 0 || vars.count("auto-approve") > 0 || saved) return false;
  std::cerr << "Error: meshform " << command
            << " -json cannot ask for confirmation: give -auto-approve"
            << (command == "apply" ? " or a saved plan (meshform plan -out FILE)" : "")
            << "; nothing was changed.\n";
  return true;
}

apply::RunOptions RunOptionsFrom(const po::variables_map& vars) {
  apply::RunOptions r;
  r.parallelism = vars["parallelism"].as<int>();
  r.rollback = vars.count("no-rollback") == 0;
  r.force_conflicts = vars.count("force-conflicts") > 0;
  if (vars.count("kubeconfig")) r.kubeconfig = vars["kubeconfig"].as<std::string>();
  r.wait_timeout = std::chrono::seconds(vars["wait-timeout"].as<int>());
  r.lease_duration = std::chrono::seconds(vars["lock-lease"].as<int>());
  if (vars.count("lock-wait")) r.lock_wait = std::chrono::seconds(vars["lock-wait"].as<int>());
  return r;
}

}  // namespace meshform::cli
