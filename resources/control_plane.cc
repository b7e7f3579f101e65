// Control planes from the renderer's output.
#include "resources/control_plane.h"

#include <algorithm>
#include <unordered_set>

#include "engine/util/error.h"
#include "engine/util/parallelism.h"
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

void CompileControlPlanes(const topology::Topology& t, util::ProcessRunner& runner,
                          ResourceSet& out) {
  // The renderer runs once per cluster; the runs are independent and each waits on a process
  // (istioctl takes about a second), so up to 16 run at once, whatever the number of cores.
  // Their results are added in cluster order.
  struct Rendered {
    std::vector<json> objects;
    std::string error;
  };
  std::vector<Rendered> rendered(t.clusters.size());
  int concurrency = static_cast<int>(std::clamp<size_t>(t.clusters.size(), 1, 16));
  ParallelFor(t.clusters.size(), concurrency, [&](size_t i) {
    try {
      rendered[i].objects = RenderIstio(t, t.clusters[i], runner);
    } catch (const Error& e) {
      rendered[i].error = e.what();
    }
  });
  std::unordered_set<std::string> present;
  for (const auto& r : out) present.insert(r.address);
  std::string failures;
  for (size_t i = 0; i < t.clusters.size(); ++i) {
    if (!rendered[i].error.empty()) {
      failures += failures.empty() ? rendered[i].error : "\n" + rendered[i].error;
      continue;
    }
    AddRendered(t, t.clusters[i], std::move(rendered[i].objects), present, out);
  }
  if (!failures.empty()) throw Error(failures);
}

}  // namespace meshform::resources
