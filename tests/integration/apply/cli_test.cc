// meshform apply and destroy as a user runs them (the binary, on the seed example):
//   * without a terminal, apply needs -auto-approve;
//   * crash safety: an apply killed with SIGKILL half way, then applied again, says what the
//     killed run left and converges (a new plan has no changes), and destroy cleans up;
//   * two applies at once: the second is refused and names the first (the lock's holder), or,
//     waiting for the lock, plans only once it holds it and finds nothing left to do.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "engine/kube/client.h"
#include "engine/kube/errors.h"
#include "tests/integration/apply/seed_support.h"
#include "tests/support/clusters.h"
#include "tests/support/topology_gen.h"

namespace meshform::apply {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

// Waits until the output at `path` has `lines` lines containing `what` (or the child ended).
bool WaitForOutput(int pid, const std::string& path, const std::string& what, int lines) {
  for (int i = 0; i < 3000; ++i) {
    if (Count(ReadAll(path), what) >= lines) return true;
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

int Wait(int pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

class MeshformCli : public ::testing::Test {
 protected:
  void SetUp() override {
    kubeconfig_ = meshform::testing::TestKubeconfig();
    meshform::testing::TestContexts(2);
    dir_ = std::filesystem::temp_directory_path() / meshform::testing::UniqueName("mf-cli");
    std::filesystem::create_directories(dir_);
    std::filesystem::current_path(dir_);  // the journal goes to ./.meshform
  }
  void TearDown() override {
    std::string out;
    testing::RunMeshform(Args("destroy"), &out);
  }

  std::vector<std::string> Args(const std::string& command) {
    return {command,        "-f",        testing::SeedTopology(),
            "--kubeconfig", kubeconfig_, "-auto-approve",
            "--lock-lease", "5"};
  }

  std::string kubeconfig_;
  std::filesystem::path dir_;
};

TEST_F(MeshformCli, ApplyWithoutATerminalNeedsAutoApprove) {
  std::string out;
  int code = testing::RunMeshform(
      {"apply", "-f", testing::SeedTopology(), "--kubeconfig", kubeconfig_}, &out);
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("needs -auto-approve"), std::string::npos) << out;
  EXPECT_EQ(out.find("complete after"), std::string::npos) << out;
}

TEST_F(MeshformCli, ApplyKilledHalfWayConvergesWhenAppliedAgain) {
  std::string path = (dir_ / "first.out").string();
  int pid = testing::StartMeshform(Args("apply"), path);
  ASSERT_TRUE(WaitForOutput(pid, path, "complete after", 8)) << ReadAll(path);
  kill(pid, SIGKILL);
  EXPECT_EQ(Wait(pid), 128 + SIGKILL);
  // The journal the killed run left records what it did, without Secret data.
  std::string journal =
      ReadAll((dir_ / ".meshform" / "journal-helloworld-federation.json").string());
  EXPECT_NE(journal.find("\"state\":\"applied\""), std::string::npos);
  EXPECT_EQ(journal.find("BEGIN RSA PRIVATE KEY"), std::string::npos);
  EXPECT_EQ(journal.find("BEGIN PRIVATE KEY"), std::string::npos);
  // Again, until the killed run's lease has expired (the lock refuses until then).
  std::string out;
  int code = 1;
  for (int attempt = 0; attempt < 30 && code != 0; ++attempt) {
    code = testing::RunMeshform(Args("apply"), &out);
    if (code != 0) std::this_thread::sleep_for(std::chrono::seconds(2));
  }
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("Apply complete!"), std::string::npos) << out;
  // It said what the killed run left, and kept that run's journal beside its own.
  EXPECT_NE(out.find("Warning: the previous apply by "), std::string::npos) << out;
  EXPECT_NE(out.find("did not finish (killed or crashed)"), std::string::npos) << out;
  EXPECT_EQ(ReadAll((dir_ / ".meshform" / "journal-helloworld-federation.previous.json").string()),
            journal);
  auto again = testing::PlanOrDie(testing::SeedTopology(), kubeconfig_, plan::Mode::kApply);
  EXPECT_FALSE(again.plan.HasChanges());
  EXPECT_EQ(testing::RunMeshform(Args("destroy"), &out), 0) << out;
  EXPECT_NE(out.find("Destroy complete!"), std::string::npos) << out;
}

TEST_F(MeshformCli, SecondApplyAtOnceIsRefusedAndNamesTheFirst) {
  std::string first = (dir_ / "first.out").string();
  int pid = testing::StartMeshform(Args("apply"), first);
  ASSERT_TRUE(WaitForOutput(pid, first, "complete after", 1)) << ReadAll(first);
  std::string out;
  auto second = Args("apply");
  second.insert(second.end(), {"--lock-wait", "0"});  // refuse at once
  int code = testing::RunMeshform(second, &out);
  EXPECT_NE(code, 0) << out;
  EXPECT_NE(out.find("locked by"), std::string::npos) << out;
  EXPECT_EQ(Wait(pid), 0) << ReadAll(first);
}

// The lock is taken before live state is read: a second apply started while the first runs
// waits, then plans against what the first left. Before, it planned at once (everything to
// create, a new root CA to generate), waited for the lock and then ran that stale plan: it
// generated a second root and replaced every cluster's cacerts.
TEST_F(MeshformCli, SecondApplyWaitingForTheLockPlansWhatTheFirstLeft) {
  std::string first = (dir_ / "first.out").string();
  int pid = testing::StartMeshform(Args("apply"), first);
  ASSERT_TRUE(WaitForOutput(pid, first, "complete after", 1)) << ReadAll(first);
  std::string out;
  // plan never locks, but says that an apply is running.
  testing::RunMeshform({"plan", "-f", testing::SeedTopology(), "--kubeconfig", kubeconfig_}, &out);
  EXPECT_NE(out.find("is running (locked by"), std::string::npos) << out;
  auto second = Args("apply");
  second.insert(second.end(), {"--lock-wait", "600"});
  int code = testing::RunMeshform(second, &out);
  ASSERT_EQ(Wait(pid), 0) << ReadAll(first);
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("No changes. Your clusters match the topology."), std::string::npos) << out;
  EXPECT_EQ(out.find("Creation complete"), std::string::npos) << out;
}

// The lock taken over by another holder while the apply runs (as a run that saw the lease
// expire would): the apply notices at its next renewal, starts no further write — no rollback
// either, since the other run may be writing — and exits 5 saying so.
TEST_F(MeshformCli, ALostLockStopsTheApplyWithoutRollingBack) {
  std::string path = (dir_ / "first.out").string();
  int pid = testing::StartMeshform(Args("apply"), path);
  ASSERT_TRUE(WaitForOutput(pid, path, "complete after", 2)) << ReadAll(path);
  auto host = kube::Client::ForContext("beijing", kubeconfig_);
  kube::ObjectRef lease{"coordination.k8s.io/v1", "Lease", "meshform-system",
                        "meshform-lock-helloworld-federation"};
  // Taken over as another run would: again when the apply's own renewal wrote the lease
  // between this read and this write (409). Should the test stop early, the apply is killed, so
  // that it does not go on holding the lock for the next test.
  struct KillOnExit {
    int pid;
    ~KillOnExit() {
      if (pid > 0 && kill(pid, SIGKILL) == 0) waitpid(pid, nullptr, 0);
    }
  } guard{pid};
  for (int attempt = 0;; ++attempt) {
    auto record = host->Get(lease);
    record["spec"]["holderIdentity"] = "someone-else";
    record["spec"]["leaseDurationSeconds"] = 3600;
    try {
      host->Replace(record);
      break;
    } catch (const kube::Conflict&) {
      ASSERT_LT(attempt, 20) << "the lease kept changing under the takeover";
    }
  }
  int code = Wait(pid);
  guard.pid = 0;
  std::string out = ReadAll(path);
  EXPECT_EQ(code, 5) << out;
  EXPECT_NE(out.find("the lock was lost (taken over by someone-else)"), std::string::npos) << out;
  EXPECT_NE(out.find("Apply stopped: the lock was lost"), std::string::npos) << out;
  EXPECT_EQ(out.find("Rolling back"), std::string::npos) << out;
  std::string journal =
      ReadAll((dir_ / ".meshform" / "journal-helloworld-federation.json").string());
  EXPECT_EQ(journal.find("\"state\":\"undone\""), std::string::npos);
  EXPECT_NE(journal.find("\"finished\":\"lock lost (no rollback)\""), std::string::npos) << journal;
  // Hand the lock back so that tear-down's destroy can take it.
  kube::DeleteOptions o;
  o.ignore_not_found = true;
  host->Delete(lease, o);
}

// A crash during the rollback: the seed with one manifest the API server rejects (a port out
// of range) fails late and rolls back; killed half way through that rollback, then the seed
// applied again: it reports that the previous run did not finish, names what it left, and
// converges.
TEST_F(MeshformCli, KilledDuringRollbackThenAppliedAgainReportsItAndConverges) {
  std::string text = meshform::testing::WithRejectedManifest(testing::SeedTopology());
  std::string bad = (dir_ / "bad.yaml").string();
  std::ofstream(bad) << text;
  auto args = Args("apply");
  args[2] = bad;
  std::string path = (dir_ / "failing.out").string();
  int pid = testing::StartMeshform(args, path);
  ASSERT_TRUE(WaitForOutput(pid, path, ": Rolled back", 3)) << ReadAll(path);
  kill(pid, SIGKILL);
  EXPECT_EQ(Wait(pid), 128 + SIGKILL);
  EXPECT_NE(ReadAll(path).find("out-of-range"), std::string::npos) << ReadAll(path);
  std::string out;
  int code = 1;
  for (int attempt = 0; attempt < 30 && code != 0; ++attempt) {
    code = testing::RunMeshform(Args("apply"), &out);
    if (code != 0) std::this_thread::sleep_for(std::chrono::seconds(2));
  }
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("did not finish (killed or crashed): it left"), std::string::npos) << out;
  auto again = testing::PlanOrDie(testing::SeedTopology(), kubeconfig_, plan::Mode::kApply);
  EXPECT_FALSE(again.plan.HasChanges());
}

}  // namespace
}  // namespace meshform::apply
