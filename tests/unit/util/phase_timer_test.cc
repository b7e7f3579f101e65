// The phases a command timed, as apply and destroy print them at their end: in the order they
// ended, a phase that ran twice summed, milliseconds below a second and seconds above.
#include "engine/util/phase_timer.h"

#include <gtest/gtest.h>

namespace meshform {
namespace {

TEST(PhaseLog, SummaryKeepsOrderSumsRepeatsAndPicksUnits) {
  const size_t before = PhaseLog::Entries().size();
  PhaseLog::Record("unit-test load", PhaseDuration(3.2));
  PhaseLog::Record("unit-test read live state", PhaseDuration(400));
  PhaseLog::Record("unit-test load", PhaseDuration(1.0));
  PhaseLog::Record("unit-test apply", PhaseDuration(12345));
  { PhaseTimer timed("unit-test timed"); }
  EXPECT_EQ(PhaseLog::Entries().size(), before + 5);
  std::string summary = PhaseLog::Summary();
  auto at = [&](const std::string& text) { return summary.find(text); };
  ASSERT_NE(at("unit-test load 4 ms"), std::string::npos) << summary;
  ASSERT_NE(at("unit-test read live state 400 ms"), std::string::npos) << summary;
  ASSERT_NE(at("unit-test apply 12.3 s"), std::string::npos) << summary;
  ASSERT_NE(at("unit-test timed "), std::string::npos) << summary;
  EXPECT_LT(at("unit-test load"), at("unit-test read live state"));
  EXPECT_LT(at("unit-test read live state"), at("unit-test apply"));
  EXPECT_EQ(summary.find("unit-test load", at("unit-test load") + 1), std::string::npos)
      << "a repeated phase is listed twice: " << summary;
}

}  // namespace
}  // namespace meshform
