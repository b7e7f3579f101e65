// What the fault tests share: the harness's apiserver command on the running local clusters,
// an extra cluster of a test's own (own folder, ports and kube-apiserver flags, stopped again
// by the harness when the test ends, also when it fails), and meshform runs in the background.
#pragma once

#include <functional>
#include <future>
#include <map>
#include <string>
#include <vector>

#include "engine/kube/client.h"
#include "tests/integration/apply/cluster_snapshot.h"
#include "tests/support/commands.h"

namespace meshform::testing {

// tools/local-clusters apiserver CLUSTER ACTION (kill, stop, cont, start, restart) on the
// clusters of this test run ($MESHFORM_CLUSTERS_DIR); fails the test when the harness does.
void Apiserver(const std::string& cluster, const std::string& action);

// `meshform ARGS` in a thread, bounded by `timeout_seconds` (exit code 124 when it ran out).
std::future<CommandResult> MeshformInBackground(const std::string& args, int timeout_seconds,
                                                const std::string& env = "");

// Polls `done` every 100 ms for up to `seconds`; true when it held.
bool WaitFor(const std::function<bool()>& done, int seconds);

// Snapshots of every cluster (apply::testing::TakeSnapshot with the common kinds), each taken
// once no namespace of its cluster is Terminating (waits up to 120 s; fails the test past it).
std::map<std::string, apply::testing::Snapshot> SnapshotAll(
    const std::vector<std::string>& contexts);
std::vector<std::string> DifferencesAll(const std::map<std::string, apply::testing::Snapshot>& a,
                                        const std::map<std::string, apply::testing::Snapshot>& b);

// A cluster of one test's own, started by the harness under its own folder and base port.
class ExtraCluster {
 public:
  // `apiserver_flags`: extra kube-apiserver flags (MESHFORM_CLUSTER_<NAME>_APISERVER_FLAGS).
  ExtraCluster(const std::string& name, const std::string& apiserver_flags);
  ~ExtraCluster();  // local-clusters down (by the PIDs the harness recorded)
  ExtraCluster(const ExtraCluster&) = delete;
  ExtraCluster& operator=(const ExtraCluster&) = delete;

  bool started() const { return started_; }
  const std::string& dir() const { return dir_; }
  std::string kubeconfig() const { return dir_ + "/state/kubeconfig"; }
  const std::string& start_log() const { return log_; }

 private:
  std::string name_;
  std::string dir_;
  std::string env_;
  bool started_ = false;
  std::string log_;
};

}  // namespace meshform::testing
