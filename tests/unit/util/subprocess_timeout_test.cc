// Proves ProcessRequest::timeout: a `sleep 30` is killed and reaped long before its 30 s, with a
// result (and message) saying it timed out; the children it started die with it (its process
// group); a program that closes its stdout and stderr but goes on running is killed as well; no
// timed-out run leaves a descriptor open. Timings are loose on purpose: the machine is shared.
#include <gtest/gtest.h>
#include <signal.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <thread>

#include "engine/util/subprocess.h"
#include "tests/unit/util/fds.h"

namespace meshform::util {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

// Gone: no such process, or a zombie nobody reaps (an orphan whose new parent, e.g. a
// container's init, does not wait for it). Waits up to 10 s for SIGKILL to take effect.
bool Gone(int pid) {
  auto until = Clock::now() + std::chrono::seconds(10);
  do {
    if (kill(pid, 0) != 0 && errno == ESRCH) return true;
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string field, state;
    stat >> field >> field >> state;  // "pid (comm) state": comm here has no spaces
    if (state == "Z") return true;
    std::this_thread::sleep_for(milliseconds(20));
  } while (Clock::now() < until);
  return false;
}

ProcessRequest WithTimeout(std::vector<std::string> argv, milliseconds timeout) {
  ProcessRequest request;
  request.argv = std::move(argv);
  request.timeout = timeout;
  return request;
}

TEST(ProcessTimeout, KillsAndReapsTheProgram) {
  ProcessRequest request = WithTimeout({"sleep", "30"}, milliseconds(300));
  auto start = Clock::now();
  ProcessResult r = RealProcessRunner().Run(request);
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(20));
  EXPECT_EQ(r.end, ProcessEnd::kTimedOut);
  EXPECT_EQ(r.exit_code, 128 + SIGKILL);
  EXPECT_FALSE(r.ok());
  ASSERT_GT(r.pid, 0);
  int rc = kill(r.pid, 0);
  int error = errno;
  EXPECT_EQ(rc, -1);  // reaped: not even a zombie is left
  EXPECT_EQ(error, ESRCH);
  EXPECT_EQ(FailureMessage(request, r), "program \"sleep\" timed out after 0.3 s and was killed");
}

TEST(ProcessTimeout, KillsTheChildrenItStartedAndKeepsTheOutputSoFar) {
  ProcessRequest request = WithTimeout(
      {"/bin/sh", "-c", "sleep 30 & echo $!; echo started >&2; wait"}, milliseconds(1000));
  ProcessResult r = RealProcessRunner().Run(request);
  EXPECT_EQ(r.end, ProcessEnd::kTimedOut);
  EXPECT_EQ(r.err, "started\n");
  ASSERT_FALSE(r.out.empty());
  int grandchild = std::stoi(r.out);
  EXPECT_TRUE(Gone(grandchild)) << "sleep " << grandchild << " survived";
  EXPECT_TRUE(Gone(r.pid));
  EXPECT_EQ(FailureMessage(request, r),
            "program \"/bin/sh\" timed out after 1 s and was killed: started");
}

TEST(ProcessTimeout, CoversAProgramThatClosedItsOutputButRunsOn) {
  ProcessRequest request =
      WithTimeout({"/bin/sh", "-c", "exec >&- 2>&-; sleep 30"}, milliseconds(300));
  auto start = Clock::now();
  ProcessResult r = RealProcessRunner().Run(request);
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(20));
  EXPECT_EQ(r.end, ProcessEnd::kTimedOut);
}

TEST(ProcessTimeout, AProgramThatEndsInTimeIsUnaffected) {
  ProcessResult r = RealProcessRunner().Run(
      WithTimeout({"/bin/sh", "-c", "echo done; exit 2"}, milliseconds(20000)));
  EXPECT_EQ(r.end, ProcessEnd::kExited);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "done\n");
}

TEST(ProcessTimeout, LeavesNoDescriptorOpen) {
  size_t before = testing::OpenFds().size();
  for (int i = 0; i < 3; ++i)
    RealProcessRunner().Run(
        WithTimeout({"/bin/sh", "-c", "sleep 30 & sleep 30"}, milliseconds(100)));
  EXPECT_EQ(testing::OpenFds().size(), before);
}

}  // namespace
}  // namespace meshform::util
