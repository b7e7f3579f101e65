// What a kubelet would report for a started pod: phase Running, every condition True, an IP on
// 127.0.0.0/8 and one ready, running status per container. Pure functions, for the stand-ins.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace meshform::standins {

// The status of `pod` once "started" at `now` (RFC 3339) with address `pod_ip`.
nlohmann::json RunningPodStatus(const nlohmann::json& pod, const std::string& pod_ip,
                                const std::string& now);

// True for a pod the stand-in should start: Pending and not being deleted.
bool NeedsStart(const nlohmann::json& pod);

// "2026-11-25T18:01:02Z" for the current time.
std::string NowRfc3339();

}  // namespace meshform::standins
