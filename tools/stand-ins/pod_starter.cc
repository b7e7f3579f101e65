// The kubelet stand-in (see pod_starter.h).
#include "tools/stand-ins/pod_starter.h"

#include <spdlog/spdlog.h>

#include "tools/stand-ins/pod_status.h"

namespace meshform::standins {

PodStarter::PodStarter(kube::Client& client, AddressPool& pool) : client_(client), pool_(pool) {}

int PodStarter::Sync() {
  kube::ListOptions options;
  options.field_selector = "status.phase=Pending";
  options.resource_version = "0";  // from the watch cache: polling etcd loaded the machine
  int started = 0;
  for (nlohmann::json& pod : client_.List("v1", "Pod", options).items) {
    if (NeedsStart(pod) && Start(std::move(pod))) ++started;
  }
  return started;
}

bool PodStarter::Start(nlohmann::json pod) {
  const std::string name =
      pod["metadata"].value("namespace", "") + "/" + pod["metadata"].value("name", "");
  pod["status"] = RunningPodStatus(pod, pool_.NextPodIp(), NowRfc3339());
  try {
    client_.ReplaceStatus(pod);
  } catch (const kube::Conflict&) {
    return false;  // changed since the list: the next pass sees it again
  } catch (const kube::NotFound&) {
    return false;  // deleted meanwhile
  }
  spdlog::info("{}: started pod {} ({})", client_.cluster(), name,
               pod["status"]["podIP"].get<std::string>());
  return true;
}

}  // namespace meshform::standins
