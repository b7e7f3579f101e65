// Proves the Lease record round trip and the MicroTime text format of Lease timestamps.
#include "engine/state/lease_record.h"

#include <gtest/gtest.h>

namespace meshform::state {
namespace {

using std::chrono::microseconds;
using std::chrono::seconds;

TEST(MicroTime, FormatsUtcWithMicroseconds) {
  WallTime time = std::chrono::system_clock::from_time_t(1795629662) + microseconds(123456);
  EXPECT_EQ(FormatMicroTime(time), "2026-11-25T18:01:02.123456Z");
  EXPECT_EQ(FormatSeconds(time), "2026-11-25T18:01:02Z");
}

TEST(MicroTime, ParsesWhatItFormatsAndPlainSeconds) {
  WallTime time = std::chrono::system_clock::from_time_t(1795629662) + microseconds(5);
  EXPECT_EQ(ParseMicroTime(FormatMicroTime(time)), time);
  EXPECT_EQ(ParseMicroTime("2026-11-25T18:01:02Z"),
            std::chrono::system_clock::from_time_t(1795629662));
  EXPECT_EQ(ParseMicroTime("garbage"), WallTime{});
}

TEST(LeaseRecord, RoundTripsThroughALease) {
  LeaseRecord record;
  record.holder = "alice@ci-7 pid 4242";
  record.token = "abc";
  record.duration_seconds = 15;
  record.acquire_time = std::chrono::system_clock::from_time_t(1795629662);
  record.renew_time = record.acquire_time + seconds(5);
  record.transitions = 3;
  nlohmann::json lease = {{"metadata", {{"name", "l"}, {"resourceVersion", "7"}}}};
  WriteLeaseRecord(record, lease);
  EXPECT_EQ(lease["spec"]["renewTime"], "2026-11-25T18:01:07.000000Z");
  EXPECT_EQ(lease["metadata"]["resourceVersion"], "7");
  EXPECT_EQ(ReadLeaseRecord(lease), record);
}

TEST(LeaseRecord, ReleasedRecordDropsTheToken) {
  LeaseRecord record;
  record.token = "abc";
  nlohmann::json lease = {{"metadata", {{"name", "l"}}}};
  WriteLeaseRecord(record, lease);
  record.token.clear();
  WriteLeaseRecord(record, lease);
  EXPECT_FALSE(lease["metadata"].contains("annotations"));
  EXPECT_EQ(lease["spec"]["holderIdentity"], "");
}

}  // namespace
}  // namespace meshform::state
