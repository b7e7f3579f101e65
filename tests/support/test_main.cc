// The main() of every test program: GoogleTest's, after creating spdlog's registry on the main
// thread. The registry is a function-local static inside libspdlog, which is not built with
// TSan: when two threads of a test log for the first time at once, TSan cannot see the static's
// guard and reports the registry's construction as racing with the other thread's read.
#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

int main(int argc, char** argv) {
  spdlog::default_logger_raw();
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
