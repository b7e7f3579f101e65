// The control plane: one primary per shared control plane (primary-remote: the control-plane
// cluster is the one primary, every other cluster remote; multi-primary: all primary), and a
// renderer command that exists when it is given as a path.
#include <unistd.h>

#include <filesystem>

#include "engine/topology/json_pointer.h"
#include "engine/topology/semantic_check.h"

namespace meshform::topology {
namespace {

std::string RolePointer(const CheckContext& ctx, size_t i) {
  std::string role = PointerAppend(PointerAppend("/clusters", i), "role");
  return ctx.Written(role) ? role : PointerAppend("/clusters", i);
}

void CheckPrimaryRemote(const CheckContext& ctx) {
  const std::string& cp = ctx.topology.mesh.control_plane.cluster;
  if (cp.empty()) {
    // Only when the control plane is written at all (else the schema reports it missing).
    if (ctx.Written("/mesh/controlPlane") && !ctx.Written("/mesh/controlPlane/cluster"))
      ctx.At("/mesh/controlPlane/cluster",
             "a primary-remote mesh needs the cluster that runs the shared control plane");
    return;
  }
  if (!ctx.topology.FindCluster(cp)) {
    if (ctx.DanglingCluster(cp)) ctx.At("/mesh/controlPlane/cluster", ctx.UnknownCluster(cp));
    return;
  }
  const auto& clusters = ctx.topology.clusters;
  for (size_t i = 0; i < clusters.size(); ++i) {
    const Cluster& c = clusters[i];
    if (c.name == cp && c.role == ClusterRole::kRemote)
      ctx.At(RolePointer(ctx, i),
             "cluster '" + c.name + "' runs the shared control plane, so it must be primary");
    if (c.name != cp && !c.name.empty() && c.role == ClusterRole::kPrimary)
      ctx.At(RolePointer(ctx, i), "a second primary: a primary-remote mesh has exactly one, '" +
                                      cp + "' (mesh.controlPlane.cluster); make '" + c.name +
                                      "' remote");
  }
}

void CheckMultiPrimary(const CheckContext& ctx) {
  if (ctx.Written("/mesh/controlPlane/cluster"))
    ctx.At("/mesh/controlPlane/cluster",
           "only a primary-remote mesh has a control-plane cluster; in multi-primary every "
           "cluster runs its own");
  const auto& clusters = ctx.topology.clusters;
  for (size_t i = 0; i < clusters.size(); ++i)
    if (clusters[i].role == ClusterRole::kRemote)
      ctx.At(RolePointer(ctx, i), "a multi-primary mesh has only primary clusters");
}

void CheckRenderer(const CheckContext& ctx) {
  const auto& command = ctx.topology.mesh.renderer.command;
  std::string written = ctx.StringAt("/mesh/renderer/command/0");
  if (command.empty() || written.find('/') == std::string::npos) return;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(command[0], ec)) {
    ctx.At("/mesh/renderer/command/0", "renderer '" + written + "' does not exist");
  } else if (access(command[0].c_str(), X_OK) != 0) {
    ctx.At("/mesh/renderer/command/0", "renderer '" + written + "' is not executable");
  }
}

}  // namespace

void CheckControlPlane(const CheckContext& ctx) {
  if (ctx.topology.mesh.control_plane.mode == ControlPlaneMode::kMultiPrimary)
    CheckMultiPrimary(ctx);
  else
    CheckPrimaryRemote(ctx);
  CheckRenderer(ctx);
}

}  // namespace meshform::topology
