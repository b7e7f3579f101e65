// Proves FailureMessage, the one description of a failed run that the renderer and exec
// credential plugins both show: the program and the reason, then the tail of stderr on one line
// (blank lines dropped, at most kStderrTailLines lines and kStderrTailBytes bytes).
#include <gtest/gtest.h>

#include "engine/util/subprocess.h"

namespace meshform::util {
namespace {

ProcessResult Ended(ProcessEnd end, int exit_code, std::string err = "") {
  ProcessResult r;
  r.end = end;
  r.exit_code = exit_code;
  r.err = std::move(err);
  return r;
}

const ProcessRequest kRequest{{"istioctl", "manifest", "generate"}};

TEST(FailureMessage, NamesTheProgramAndTheExitStatus) {
  EXPECT_EQ(FailureMessage(kRequest, Ended(ProcessEnd::kExited, 2)),
            "program \"istioctl\" exited with status 2");
  EXPECT_EQ(
      FailureMessage(kRequest, Ended(ProcessEnd::kExited, 1, "\nError: bad flag\n\n  usage\n")),
      "program \"istioctl\" exited with status 1: Error: bad flag |   usage");
}

TEST(FailureMessage, NamesTheSignal) {
  EXPECT_EQ(FailureMessage(kRequest, Ended(ProcessEnd::kSignaled, 128 + 9, "bye\n")),
            "program \"istioctl\" was killed by signal 9 (SIGKILL): bye");
}

TEST(FailureMessage, SaysWhyItCouldNotStartWithoutStderr) {
  ProcessResult r = Ended(ProcessEnd::kNotStarted, 127);
  r.start_error = "Permission denied";
  EXPECT_EQ(FailureMessage(kRequest, r),
            "program \"istioctl\" cannot be started: Permission denied");
}

TEST(FailureMessage, SaysAfterHowLongItTimedOut) {
  ProcessRequest request = kRequest;
  for (auto [ms, text] :
       {std::pair{30000, "30 s"}, {250, "0.25 s"}, {1500, "1.5 s"}, {5, "0.005 s"}}) {
    request.timeout = std::chrono::milliseconds(ms);
    EXPECT_EQ(FailureMessage(request, Ended(ProcessEnd::kTimedOut, 137)),
              std::string("program \"istioctl\" timed out after ") + text + " and was killed");
  }
}

TEST(FailureMessage, KeepsTheLastLinesOfStderr) {
  std::string err;
  for (int i = 1; i <= 30; ++i) err += "line " + std::to_string(i) + "\n";
  std::string message = FailureMessage(kRequest, Ended(ProcessEnd::kExited, 1, err));
  std::string expected =
      "program \"istioctl\" exited with status 1: (10 earlier lines not shown) line 11";
  for (int i = 12; i <= 30; ++i) expected += " | line " + std::to_string(i);
  EXPECT_EQ(message, expected);
}

TEST(FailureMessage, KeepsTheEndOfAHugeLine) {
  std::string err = std::string(100000, 'x') + "the end\n";
  std::string message = FailureMessage(kRequest, Ended(ProcessEnd::kExited, 1, err));
  EXPECT_LE(message.size(), kStderrTailBytes + 100);
  EXPECT_EQ(message.rfind("program \"istioctl\" exited with status 1: ...xxx", 0), 0u);
  EXPECT_EQ(message.substr(message.size() - 7), "the end");
}

}  // namespace
}  // namespace meshform::util
