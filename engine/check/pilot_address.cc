// The remote pilot address (see pilot_address.h).
#include "engine/check/pilot_address.h"

#include <map>

#include "engine/check/live.h"
#include "resources/placeholder.h"

namespace meshform::check {

namespace {

using nlohmann::json;
using resources::Resource;

constexpr const char* kLbAddress = "lb-address/";

// lb-address/<cluster>/<namespace>/<service> -> that Service's live address ("" when none).
std::string LiveAddress(const kube::ClusterClients& clients, const std::string& from) {
  std::string rest = from.substr(std::string(kLbAddress).size());
  auto a = rest.find('/'), b = rest.find('/', a + 1);
  if (a == std::string::npos || b == std::string::npos) return "";
  auto service =
      clients.For(rest.substr(0, a))
          .GetIfExists({"v1", "Service", rest.substr(a + 1, b - a - 1), rest.substr(b + 1)});
  if (!service) return "";
  const json status = service->value("status", json::object());
  for (const auto& i :
       status.value("loadBalancer", json::object()).value("ingress", json::array())) {
    std::string address = i.value("ip", i.value("hostname", ""));
    if (!address.empty()) return address;
  }
  return "";
}

std::string Expected(const resources::Placeholder& p, const std::string& address) {
  if (p.template_.empty()) return address;
  std::string out = p.template_;
  auto at = out.find("${value}");
  if (at != std::string::npos) out.replace(at, 8, address);
  return out;
}

}  // namespace

std::vector<Check> PilotAddressChecks(const kube::ClusterClients& clients,
                                      const resources::ResourceSet& desired) {
  std::vector<Check> out;
  std::map<std::string, std::string> addresses;  // lb-address value -> live address
  for (const Resource* r : DesiredObjects(desired, "")) {
    for (const auto& p : resources::FindPlaceholders(r->object)) {
      if (p.from.rfind(kLbAddress, 0) != 0 || !p.encoding.empty()) continue;
      Check c{"control-plane", "remote-pilot-address", r->cluster};
      c.objects = {r->address, p.from};
      try {
        if (!addresses.count(p.from)) addresses[p.from] = LiveAddress(clients, p.from);
        const std::string& address = addresses[p.from];
        auto live = LiveOf(clients.For(r->cluster), r->object);
        const json::json_pointer at(p.pointer);
        std::string found = live && live->contains(at) && (*live)[at].is_string()
                                ? (*live)[at].get<std::string>()
                                : "";
        const std::string where =
            r->object_kind() + " " + r->object_name() + " in " + r->cluster + " at " + p.pointer;
        if (!address.empty() && found == Expected(p, address)) {
          c.message = where + " reaches istiod through the gateway address " + address;
        } else {
          c.result = Result::kFail;
          c.message = address.empty()
                          ? where + ": the gateway (" + p.from + ") has no address to compare with"
                          : where + " holds \"" + found + "\", the gateway's address is " + address;
          c.hint = "`meshform apply` writes the gateway's current address into " + r->cluster;
        }
      } catch (const std::exception& e) {
        c = ReadFailure("control-plane", "remote-pilot-address", r->cluster, r->address, e);
      }
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace meshform::check
