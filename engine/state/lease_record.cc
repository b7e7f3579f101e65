// Lease records and MicroTime text (see lease_record.h).
#include "engine/state/lease_record.h"

#include <cstdio>
#include <ctime>

namespace meshform::state {
namespace {

using nlohmann::json;
using std::chrono::duration_cast;
using std::chrono::microseconds;
using std::chrono::seconds;

std::string FormatUtc(WallTime time, bool micros) {
  auto since_epoch = duration_cast<microseconds>(time.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(since_epoch / 1000000);
  long fraction = static_cast<long>(since_epoch % 1000000);
  if (fraction < 0) {
    fraction += 1000000;
    --secs;
  }
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buffer[40];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &tm);
  std::string text = buffer;
  if (micros) {
    char frac[8];
    std::snprintf(frac, sizeof frac, ".%06ld", fraction);
    text += frac;
  }
  return text + "Z";
}

std::string StringAt(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

int64_t IntAt(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}

}  // namespace

std::string FormatMicroTime(WallTime time) { return FormatUtc(time, true); }
std::string FormatSeconds(WallTime time) { return FormatUtc(time, false); }

WallTime ParseMicroTime(const std::string& text) {
  std::tm tm{};
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) != 6) {
    return WallTime{};
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  WallTime time = std::chrono::system_clock::from_time_t(timegm(&tm));
  size_t at = static_cast<size_t>(consumed);
  if (at < text.size() && text[at] == '.') {
    int64_t scale = 100000, micros = 0;
    for (++at; at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])); ++at) {
      micros += (text[at] - '0') * scale;
      scale /= 10;
    }
    time += microseconds(micros);
  }
  return time;
}

LeaseRecord ReadLeaseRecord(const json& lease) {
  const json spec = lease.value("spec", json::object());
  const json annotations =
      lease.value("metadata", json::object()).value("annotations", json::object());
  LeaseRecord record;
  record.holder = StringAt(spec, "holderIdentity");
  record.token = StringAt(annotations, kLockTokenAnnotation);
  record.duration_seconds = IntAt(spec, "leaseDurationSeconds");
  record.acquire_time = ParseMicroTime(StringAt(spec, "acquireTime"));
  record.renew_time = ParseMicroTime(StringAt(spec, "renewTime"));
  record.transitions = IntAt(spec, "leaseTransitions");
  return record;
}

void WriteLeaseRecord(const LeaseRecord& record, json& lease) {
  json& spec = lease["spec"];
  spec["holderIdentity"] = record.holder;
  spec["leaseDurationSeconds"] = record.duration_seconds;
  spec["acquireTime"] = FormatMicroTime(record.acquire_time);
  spec["renewTime"] = FormatMicroTime(record.renew_time);
  spec["leaseTransitions"] = record.transitions;
  json& annotations = lease["metadata"]["annotations"];
  if (record.token.empty()) {
    if (annotations.is_object()) annotations.erase(kLockTokenAnnotation);
    if (annotations.empty()) lease["metadata"].erase("annotations");
  } else {
    annotations[kLockTokenAnnotation] = record.token;
  }
}

}  // namespace meshform::state
