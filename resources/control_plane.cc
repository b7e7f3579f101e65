// Control planes from the renderer's output.
#include "resources/control_plane.h"

#include <unordered_set>

#include "engine/util/error.h"
#include "resources/multi_primary.h"
#include "resources/renderer.h"
#include "resources/values.h"

namespace meshform::resources {

namespace {

bool ServesRemotes(const topology::Topology& t, const topology::Cluster& c) {
  for (const auto& other : t.clusters)
    if (ControlPlaneClusterFor(t, other) == c.name) return true;
  return false;
}

void AddRendered(const topology::Topology& t, const topology::Cluster& c, std::vector<json> objects,
                 std::unordered_set<std::string>& present, ResourceSet& out) {
  const auto& origin = t.mesh.control_plane.location;
  for (auto& object : objects) {
    Resource r = MakeObject(c.name, std::move(object), t.name, origin);
    if (!present.insert(r.address).second) continue;
    out.push_back(std::move(r));
  }
  if (IsPrimary(t, c) && ServesRemotes(t, c)) {
    std::string service = c.name + "/v1/Service/" + kIstioNamespace + "/" + kIngressGatewayService;
    out.push_back(LbAddressValue(c.name, kIstioNamespace, kIngressGatewayService, service, origin));
  }
}

}  // namespace

void CompileControlPlanes(const topology::Topology& t, CommandRunner& runner, ResourceSet& out) {
  std::unordered_set<std::string> present;
  for (const auto& r : out) present.insert(r.address);
  std::string failures;
  for (const auto& c : t.clusters) {
    try {
      AddRendered(t, c, RenderIstio(t, c, runner), present, out);
    } catch (const Error& e) {
      failures += failures.empty() ? e.what() : std::string("\n") + e.what();
    }
  }
  if (!failures.empty()) throw Error(failures);
}

}  // namespace meshform::resources
