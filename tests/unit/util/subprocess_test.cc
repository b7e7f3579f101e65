// Proves RealProcessRunner with real programs: stdout, stderr and the exit status are collected
// separately (also 1 MiB of each, stderr first, which deadlocks a runner that reads one pipe to
// its end before the other); argv[0] is looked up in PATH; stdin is /dev/null; extra_env adds to
// and overrides the environment; a signal is 128 + signal; a missing program is kNotStarted
// (127); runs from 8 threads at once get their own output and the children see none of the
// other runs' pipes; no run leaves a descriptor open in meshform.
#include "engine/util/subprocess.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <set>
#include <sstream>
#include <thread>

#include "tests/unit/util/fds.h"

namespace meshform::util {
namespace {

ProcessResult RunArgv(std::vector<std::string> argv, ProcessRequest request = {}) {
  request.argv = std::move(argv);
  return RealProcessRunner().Run(request);
}

TEST(RealProcessRunner, CollectsStdoutStderrAndExitStatus) {
  ProcessRequest request{{"/bin/sh", "-c", "echo out; echo err >&2; exit 3"}};
  ProcessResult r = RealProcessRunner().Run(request);
  EXPECT_EQ(r.end, ProcessEnd::kExited);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "out\n");
  EXPECT_EQ(r.err, "err\n");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(FailureMessage(request, r), "program \"/bin/sh\" exited with status 3: err");
}

TEST(RealProcessRunner, LargeOutputOnBothStreamsDoesNotDeadlock) {
  ProcessResult r = RunArgv({"/bin/sh", "-c",
                             "head -c 1048576 /dev/zero | tr '\\000' e >&2; "
                             "head -c 1048576 /dev/zero | tr '\\000' o"});
  EXPECT_TRUE(r.ok()) << r.err.substr(0, 200);
  EXPECT_EQ(r.out, std::string(1 << 20, 'o'));
  EXPECT_EQ(r.err, std::string(1 << 20, 'e'));
}

TEST(RealProcessRunner, LooksTheProgramUpInPathAndPassesArgumentsAsTheyAre) {
  ProcessResult r = RunArgv({"printf", "%s|", "two words", "$HOME", "*"});
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.out, "two words|$HOME|*|");  // no shell: nothing expanded
}

TEST(RealProcessRunner, StdinIsDevNull) {
  ProcessResult r = RunArgv({"readlink", "/proc/self/fd/0"});
  EXPECT_EQ(r.out, "/dev/null\n");
}

TEST(RealProcessRunner, ExtraEnvironmentAddsAndOverrides) {
  setenv("MESHFORM_TEST_INHERITED", "from-meshform", 1);
  setenv("MESHFORM_TEST_OVERRIDDEN", "old", 1);
  ProcessRequest request;
  request.extra_env = {{"MESHFORM_TEST_OVERRIDDEN", "new"}, {"MESHFORM_TEST_ADDED", "a=b"}};
  ProcessResult r = RunArgv({"/bin/sh", "-c",
                             "echo \"$MESHFORM_TEST_INHERITED $MESHFORM_TEST_OVERRIDDEN "
                             "$MESHFORM_TEST_ADDED\""},
                            request);
  EXPECT_EQ(r.out, "from-meshform new a=b\n");
}

TEST(RealProcessRunner, KilledBySignalIs128PlusTheSignal) {
  ProcessRequest request{{"/bin/sh", "-c", "echo going >&2; kill -TERM $$"}};
  ProcessResult r = RealProcessRunner().Run(request);
  EXPECT_EQ(r.end, ProcessEnd::kSignaled);
  EXPECT_EQ(r.exit_code, 128 + 15);
  EXPECT_EQ(FailureMessage(request, r),
            "program \"/bin/sh\" was killed by signal 15 (SIGTERM): going");
}

TEST(RealProcessRunner, MissingProgramIsNotStarted) {
  for (std::string program : {"/nonexistent/meshform-program", "meshform-no-such-program"}) {
    ProcessRequest request{{program}};
    ProcessResult r = RealProcessRunner().Run(request);
    EXPECT_EQ(r.end, ProcessEnd::kNotStarted) << program;
    EXPECT_EQ(r.exit_code, 127);
    EXPECT_EQ(FailureMessage(request, r),
              "program \"" + program + "\" cannot be started: No such file or directory");
  }
  EXPECT_EQ(RealProcessRunner().Run({}).end, ProcessEnd::kNotStarted);
}

// Each child lists its descriptors: beyond 0, 1 and 2 (and ls's own directory) it may hold only
// what meshform's process inherited itself, never another run's pipe.
void ExpectOnlyInheritedFds(const std::string& listing, const std::set<std::string>& inherited) {
  std::istringstream in(listing);
  for (std::string line; std::getline(in, line);) {
    auto arrow = line.find(" -> ");
    if (arrow == std::string::npos) continue;
    std::string head = line.substr(0, arrow);
    std::string fd = head.substr(head.rfind(' ') + 1);
    std::string target = line.substr(arrow + 4);
    if (fd == "0" || fd == "1" || fd == "2" || target.rfind("/proc/", 0) == 0) continue;
    EXPECT_TRUE(inherited.count(target)) << "leaked into the child: " << line;
  }
}

TEST(RealProcessRunner, RunsFromEightThreadsAtOnceKeepTheirOutputAndPipesApart) {
  std::set<std::string> inherited = testing::InheritableFdTargets();
  size_t fds_before = testing::OpenFds().size();
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([t, &inherited] {
      for (int i = 0; i < 10; ++i) {
        std::string tag = std::to_string(t) + "/" + std::to_string(i);
        ProcessResult r = RunArgv({"/bin/sh", "-c",
                                   "printf %s \"$1\"; head -c 200000 /dev/zero >&2; "
                                   "exec ls -l /proc/self/fd/ >&2",
                                   "sh", tag});
        EXPECT_TRUE(r.ok());
        EXPECT_EQ(r.out, tag);
        EXPECT_GT(r.err.size(), 200000u);
        ExpectOnlyInheritedFds(r.err.substr(200000), inherited);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(testing::OpenFds().size(), fds_before);
}

TEST(RealProcessRunner, NoRunLeavesADescriptorOpen) {
  size_t before = testing::OpenFds().size();
  for (int i = 0; i < 5; ++i) {
    RunArgv({"/bin/sh", "-c", "echo out; echo err >&2"});
    RunArgv({"/bin/sh", "-c", "exit 4"});
    RunArgv({"/bin/sh", "-c", "kill -KILL $$"});
    RunArgv({"/nonexistent/meshform-program"});
  }
  EXPECT_EQ(testing::OpenFds().size(), before);
}

}  // namespace
}  // namespace meshform::util
