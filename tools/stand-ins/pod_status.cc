// Running pod statuses (see pod_status.h).
#include "tools/stand-ins/pod_status.h"

#include <chrono>
#include <ctime>

namespace meshform::standins {
namespace {

using nlohmann::json;

json Condition(const char* type, const std::string& now) {
  return {
      {"type", type}, {"status", "True"}, {"lastProbeTime", nullptr}, {"lastTransitionTime", now}};
}

json ContainerStatus(const json& container, const std::string& uid, const std::string& now) {
  std::string name = container.value("name", "");
  std::string image = container.value("image", "");
  return {{"name", name},
          {"ready", true},
          {"started", true},
          {"restartCount", 0},
          {"image", image},
          {"imageID", "stand-in://" + image},
          {"containerID", "stand-in://" + uid + "/" + name},
          {"state", {{"running", {{"startedAt", now}}}}}};
}

json InitContainerStatus(const json& container, const std::string& uid, const std::string& now) {
  json status = ContainerStatus(container, uid, now);
  status["started"] = false;
  status["state"] = {
      {"terminated",
       {{"exitCode", 0}, {"reason", "Completed"}, {"startedAt", now}, {"finishedAt", now}}}};
  return status;
}

}  // namespace

json RunningPodStatus(const json& pod, const std::string& pod_ip, const std::string& now) {
  const json spec = pod.value("spec", json::object());
  const std::string uid = pod.value("metadata", json::object()).value("uid", "");
  json containers = json::array(), init_containers = json::array();
  for (const json& c : spec.value("containers", json::array())) {
    containers.push_back(ContainerStatus(c, uid, now));
  }
  for (const json& c : spec.value("initContainers", json::array())) {
    init_containers.push_back(InitContainerStatus(c, uid, now));
  }
  json status = {{"phase", "Running"},
                 {"conditions",
                  {Condition("Initialized", now), Condition("Ready", now),
                   Condition("ContainersReady", now), Condition("PodScheduled", now)}},
                 {"hostIP", "127.0.0.1"},
                 {"podIP", pod_ip},
                 {"podIPs", {{{"ip", pod_ip}}}},
                 {"startTime", now},
                 {"qosClass", "BestEffort"},
                 {"containerStatuses", containers}};
  if (!init_containers.empty()) status["initContainerStatuses"] = init_containers;
  return status;
}

bool NeedsStart(const json& pod) {
  const json metadata = pod.value("metadata", json::object());
  return pod.value("status", json::object()).value("phase", "") == "Pending" &&
         !metadata.contains("deletionTimestamp");
}

std::string NowRfc3339() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

}  // namespace meshform::standins
