// Building the renderer's arguments, running it and reading its output.
#include "resources/renderer.h"

#include <chrono>
#include <filesystem>

#include "engine/util/error.h"
#include "engine/util/phase_timer.h"
#include "resources/manifest_normalization.h"
#include "resources/multi_primary.h"
#include "resources/placeholder.h"
#include "resources/values.h"
#include "resources/yaml_json.h"

namespace meshform::resources {

namespace {

using Sets = std::vector<std::pair<std::string, std::string>>;

std::string Located(const topology::Location& l, const std::string& message) {
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column) +
         ": mesh.renderer.command: " + message;
}

std::string ResolveProgram(const topology::Topology& t, const std::string& program) {
  namespace fs = std::filesystem;
  if (program.find('/') == std::string::npos || fs::path(program).is_absolute()) return program;
  return (fs::path(t.source_file).parent_path() / program).lexically_normal().string();
}

void AddMeshNetworks(const topology::Topology& t, Sets& sets) {
  for (const auto& network : t.networks) {
    std::string prefix = "values.global.meshNetworks." + network.name;
    int i = 0;
    for (const auto& c : t.clusters)
      if (c.network == network.name)
        sets.push_back({prefix + ".endpoints[" + std::to_string(i++) + "].fromRegistry", c.name});
    sets.push_back({prefix + ".gateways[0].registry_service_name",
                    std::string(kIngressGatewayService) + ".istio-system.svc.cluster.local"});
    sets.push_back({prefix + ".gateways[0].port", std::to_string(network.gateway_port)});
  }
}

Sets RendererValues(const topology::Topology& t, const topology::Cluster& c) {
  bool primary = IsPrimary(t, c);
  Sets sets = {{"profile", primary ? "default" : "remote"}};
  if (!t.mesh.control_plane.revision.empty())
    sets.push_back({"revision", t.mesh.control_plane.revision});
  sets.push_back({"meshConfig.trustDomain", t.mesh.trust_domain});
  sets.push_back({"values.global.meshID", t.mesh.id});
  sets.push_back({"values.global.multiCluster.clusterName", c.name});
  sets.push_back({"values.global.network", c.network});
  sets.push_back({"components.ingressGateways[0].name", kIngressGatewayService});
  sets.push_back({"components.ingressGateways[0].enabled", "true"});
  if (primary) {
    AddMeshNetworks(t, sets);
  } else {
    sets.push_back({"values.global.remotePilotAddress", kRemotePilotMarker});
    sets.push_back(
        {"values.istiodRemote.injectionPath", "/inject/cluster/" + c.name + "/net/" + c.network});
  }
  return sets;
}

// Replaces the remote pilot marker, whole or inside a string, by a placeholder.
json ReplaceMarker(const json& j, const std::string& from) {
  if (j.is_string()) {
    const auto& s = j.get_ref<const std::string&>();
    if (s == kRemotePilotMarker) return MakePlaceholder(from, "address");
    auto at = s.find(kRemotePilotMarker);
    if (at == std::string::npos) return j;
    std::string text = s;
    text.replace(at, std::string(kRemotePilotMarker).size(), "${value}");
    return MakeTemplatePlaceholder(from, "address", text);
  }
  json out = j;
  if (j.is_object())
    for (auto it = out.begin(); it != out.end(); ++it) it.value() = ReplaceMarker(it.value(), from);
  if (j.is_array())
    for (auto& item : out) item = ReplaceMarker(item, from);
  return out;
}

}  // namespace

std::vector<std::string> RendererArgv(const topology::Topology& t,
                                      const topology::Cluster& cluster) {
  std::vector<std::string> argv = t.mesh.renderer.command;
  if (!argv.empty()) argv[0] = ResolveProgram(t, argv[0]);
  for (const auto& [key, value] : RendererValues(t, cluster)) {
    argv.push_back("--set");
    argv.push_back(key + "=" + value);
  }
  return argv;
}

std::vector<json> RenderIstio(const topology::Topology& t, const topology::Cluster& cluster,
                              util::ProcessRunner& runner) {
  const auto& where = t.mesh.renderer.location;
  if (t.mesh.renderer.command.empty()) throw Error(Located(where, "no renderer command"));
  util::ProcessRequest request;
  request.argv = RendererArgv(t, cluster);
  request.timeout = std::chrono::seconds(t.mesh.renderer.timeout_seconds);
  util::ProcessResult result;
  {
    // Renderers run in parallel, one per cluster: the phase log shows the sum of their times.
    PhaseTimer timer("renderer runs (summed)");
    result = runner.Run(request);
  }
  if (!result.ok()) {
    std::string hint = result.end == util::ProcessEnd::kTimedOut
                           ? " (mesh.renderer.timeoutSeconds allows longer)"
                           : "";
    throw Error(Located(where, "renderer failed for cluster " + cluster.name + ": " +
                                   util::FailureMessage(request, result) + hint));
  }
  std::string from =
      LbAddressAddress(ControlPlaneClusterFor(t, cluster), kIstioNamespace, kIngressGatewayService);
  ManifestSource source{"renderer \"" + request.argv[0] + "\" for cluster " + cluster.name,
                        kIstioNamespace};
  std::vector<ManifestDocument> docs;
  try {
    int index = 0;
    for (auto& doc : ParseYamlDocuments(result.out, "renderer output for " + cluster.name)) {
      ++index;
      if (!doc.value.is_object() || !doc.value.contains("kind")) continue;
      docs.push_back({std::move(doc.value), index, doc.line});
    }
  } catch (const Error& e) {
    throw Error(Located(where, source.name + " printed invalid YAML: " + e.what()));
  }
  try {
    NormalizeManifests(docs, source);
  } catch (const Error& e) {
    throw Error(Located(where, e.what()));
  }
  std::vector<json> objects;
  objects.reserve(docs.size());
  for (auto& doc : docs)
    objects.push_back(IsPrimary(t, cluster) ? std::move(doc.object)
                                            : ReplaceMarker(doc.object, from));
  return objects;
}

}  // namespace meshform::resources
