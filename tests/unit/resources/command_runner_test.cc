// The real command runner: exit status, stdout and stderr collected separately (also when
// large), and a missing program reported as exit 127.
#include "resources/command_runner.h"

#include <gtest/gtest.h>

namespace meshform::resources {
namespace {

TEST(RealCommandRunner, CollectsOutputAndExitStatus) {
  RealCommandRunner runner;
  auto r = runner.Run({"/bin/sh", "-c", "echo out; echo err >&2; exit 3"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.stdout_text, "out\n");
  EXPECT_EQ(r.stderr_text, "err\n");
}

TEST(RealCommandRunner, LargeOutputOnBothStreamsDoesNotDeadlock) {
  RealCommandRunner runner;
  auto r = runner.Run({"/bin/sh", "-c", "head -c 300000 /dev/zero; head -c 300000 /dev/zero >&2"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.stdout_text.size(), 300000u);
  EXPECT_EQ(r.stderr_text.size(), 300000u);
}

TEST(RealCommandRunner, MissingProgramIs127) {
  RealCommandRunner runner;
  EXPECT_EQ(runner.Run({"/nonexistent/meshform-renderer"}).exit_code, 127);
}

}  // namespace
}  // namespace meshform::resources
