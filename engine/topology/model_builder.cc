// Model building for the mesh-wide parts: metadata, clusters, networks, CA, mesh, federation.
#include "engine/topology/model_builder.h"

#include "engine/topology/json_get.h"
#include "engine/topology/json_pointer.h"
#include "engine/topology/paths.h"

namespace meshform::topology {
namespace {

ControlPlane BuildControlPlane(const YamlDocument& doc) {
  const auto& json = Member(Member(doc.json, "mesh"), "controlPlane");
  ControlPlane cp;
  cp.mode = GetString(json, "mode") == "multi-primary" ? ControlPlaneMode::kMultiPrimary
                                                       : ControlPlaneMode::kPrimaryRemote;
  cp.cluster = GetString(json, "cluster");
  cp.revision = GetString(json, "revision");
  cp.location = doc.map.ValueAt("/mesh/controlPlane");
  return cp;
}

Mesh BuildMesh(const YamlDocument& doc, const std::string& folder) {
  const auto& json = Member(doc.json, "mesh");
  Mesh mesh;
  mesh.id = GetString(json, "id", mesh.id);
  mesh.trust_domain = GetString(json, "trustDomain", mesh.trust_domain);
  mesh.control_plane = BuildControlPlane(doc);
  mesh.renderer.command = GetStrings(Member(json, "renderer"), "command");
  if (!mesh.renderer.command.empty())
    mesh.renderer.command[0] = ResolveCommand(folder, mesh.renderer.command[0]);
  mesh.renderer.timeout_seconds =
      GetInt(Member(json, "renderer"), "timeoutSeconds", mesh.renderer.timeout_seconds);
  mesh.renderer.location = doc.map.ValueAt("/mesh/renderer");
  mesh.location = doc.map.ValueAt("/mesh");
  return mesh;
}

ClusterRole DefaultRole(const Mesh& mesh, const std::string& cluster) {
  if (mesh.control_plane.mode == ControlPlaneMode::kMultiPrimary) return ClusterRole::kPrimary;
  return cluster == mesh.control_plane.cluster ? ClusterRole::kPrimary : ClusterRole::kRemote;
}

void BuildClusters(const YamlDocument& doc, Topology* t) {
  const auto& items = Items(doc.json, "clusters");
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& json = items[i];
    Cluster c;
    c.name = GetString(json, "name");
    c.context = GetString(json, "context");
    c.region = GetString(json, "region");
    c.network = GetString(json, "network");
    std::string role = GetString(json, "role");
    c.role = role.empty() ? DefaultRole(t->mesh, c.name)
                          : (role == "remote" ? ClusterRole::kRemote : ClusterRole::kPrimary);
    c.location = doc.map.ValueAt(PointerAppend("/clusters", i));
    t->clusters.push_back(std::move(c));
  }
}

void BuildNetworks(const YamlDocument& doc, Topology* t) {
  const auto& items = Items(doc.json, "networks");
  for (size_t i = 0; i < items.size(); ++i) {
    Network n;
    n.name = GetString(items[i], "name");
    n.gateway_port = GetInt(Member(items[i], "gateway"), "port", n.gateway_port);
    n.location = doc.map.ValueAt(PointerAppend("/networks", i));
    t->networks.push_back(std::move(n));
  }
}

void BuildCa(const YamlDocument& doc, const std::string& folder, Topology* t) {
  const auto& root = Member(Member(doc.json, "ca"), "root");
  RootCa& r = t->ca.root;
  r.generate = !Has(root, "certFile") && !Has(root, "keyFile");
  const auto& gen = Member(root, "generate");
  r.common_name = GetString(gen, "commonName", r.common_name);
  r.organization = GetString(gen, "organization", r.organization);
  r.validity_days = GetInt(gen, "validityDays", r.validity_days);
  r.cert_file = ResolvePath(folder, GetString(root, "certFile"));
  r.key_file = ResolvePath(folder, GetString(root, "keyFile"));
  r.location = doc.map.ValueAt("/ca/root");
  const auto& inter = Member(Member(doc.json, "ca"), "intermediate");
  IntermediateCa& im = t->ca.intermediate;
  im.validity_days = GetInt(inter, "validityDays", im.validity_days);
  im.renew_before_days = GetInt(inter, "renewBeforeDays", im.renew_before_days);
  im.location = doc.map.ValueAt("/ca/intermediate");
}

void BuildFederation(const YamlDocument& doc, Topology* t) {
  const auto& json = Member(doc.json, "federation");
  Federation& f = t->federation;
  std::string type = GetString(json, "type");
  f.type = type == "kubefed"   ? FederationType::kKubefed
           : type == "karmada" ? FederationType::kKarmada
                               : FederationType::kDirect;
  f.host = GetString(json, "host");
  if (f.type == FederationType::kKarmada) f.namespace_ = "karmada-system";
  f.namespace_ = GetString(json, "namespace", f.namespace_);
  f.location = doc.map.ValueAt("/federation");
  if (f.host.empty() && f.type == FederationType::kDirect) {
    const auto& cp = t->mesh.control_plane;
    if (cp.mode == ControlPlaneMode::kPrimaryRemote && !cp.cluster.empty())
      f.host = cp.cluster;
    else if (!t->clusters.empty())
      f.host = t->clusters.front().name;
  }
}

}  // namespace

Topology BuildModel(const YamlDocument& document, const std::string& folder) {
  Topology t;
  t.name = GetString(Member(document.json, "metadata"), "name");
  t.source_file = document.map.file();
  t.mesh = BuildMesh(document, folder);
  BuildClusters(document, &t);
  BuildNetworks(document, &t);
  BuildCa(document, folder, &t);
  BuildFederation(document, &t);
  BuildWorkloads(document, &t);
  BuildManifests(document, folder, &t);
  return t;
}

}  // namespace meshform::topology
