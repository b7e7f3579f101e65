// The lock's view of a coordination.k8s.io/v1 Lease: who holds it, since when, for how long,
// plus the MicroTime text format that Lease timestamps use ("2026-11-25T18:01:02.123456Z").
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace meshform::state {

using WallTime = std::chrono::system_clock::time_point;

struct LeaseRecord {
  std::string holder;  // spec.holderIdentity; "" when released
  std::string token;   // annotation meshform.io/lock-token: tells apart holders of one name
  int64_t duration_seconds = 0;
  WallTime acquire_time{};
  WallTime renew_time{};
  int64_t transitions = 0;

  bool operator==(const LeaseRecord&) const = default;
};

inline constexpr const char* kLockTokenAnnotation = "meshform.io/lock-token";

// Reads spec and the token annotation of a Lease object (missing fields stay default).
LeaseRecord ReadLeaseRecord(const nlohmann::json& lease);
// Writes the record into a Lease object's spec and annotations (other fields untouched).
void WriteLeaseRecord(const LeaseRecord& record, nlohmann::json& lease);

// MicroTime: RFC 3339 in UTC with microseconds. Parse accepts any fraction, or none; it
// returns the epoch for text it cannot read.
std::string FormatMicroTime(WallTime time);
WallTime ParseMicroTime(const std::string& text);
// RFC 3339 in UTC to the second, for messages: "2026-11-25T18:01:02Z".
std::string FormatSeconds(WallTime time);

}  // namespace meshform::state
