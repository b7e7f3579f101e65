// Rendering the selected objects as per-cluster kustomizations.
#include "resources/render_manifests.h"

#include <cctype>
#include <cstdio>
#include <map>

#include "resources/render_readme.h"
#include "resources/yaml_json.h"

namespace meshform::resources {

namespace {

std::string Sanitize(std::string s) {
  for (auto& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') c = '_';
  return s;
}

std::string FileName(const Resource& r, int index) {
  char number[16];
  std::snprintf(number, sizeof number, "%04d", index);
  std::string kind = r.object_kind();
  for (auto& c : kind) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string ns = r.object_namespace();
  return std::string(number) + "-" + kind + "-" + (ns.empty() ? "" : ns + "-") +
         Sanitize(r.object_name()) + ".yaml";
}

json ValueSummary(const Resource& r) {
  json summary = {{"address", r.address}, {"type", r.value.type}, {"dependsOn", r.depends_on}};
  if (!r.cluster.empty()) summary["cluster"] = r.cluster;
  if (r.sensitive) summary["sensitive"] = true;
  return summary;
}

std::string Kustomization(const std::string& cluster, const std::string& topology,
                          const std::vector<std::string>& files) {
  json k = {{"apiVersion", "kustomize.config.k8s.io/v1beta1"},
            {"kind", "Kustomization"},
            {"sortOptions", {{"order", "fifo"}}},
            {"resources", files}};
  return std::string(kRenderHeader) + ": the objects of topology " + topology + " in cluster " +
         cluster + ", in apply order.\n# Objects left out (secrets, values known only after " +
         "apply) are listed in ../README.md.\n" + ToYaml(k);
}

}  // namespace

Rendered RenderManifests(const ResourceSet& set, const graph::Graph& g,
                         const RenderSource& source) {
  Rendered out;
  RenderSelection selection = SelectForRender(set, g);
  std::map<std::string, std::vector<std::string>> folders;
  for (size_t i : selection.kept) {
    const Resource& r = set[i];
    auto& listed = folders[r.cluster];
    std::string name = FileName(r, static_cast<int>(listed.size()));
    listed.push_back(name);
    out.files.push_back({r.cluster + "/" + name, ToYaml(r.object)});
  }
  for (const auto& l : selection.left_out) folders[l.cluster];  // a folder even when empty
  for (const auto& [cluster, files] : folders) {
    out.clusters.push_back(cluster);
    out.files.push_back(
        {cluster + "/kustomization.yaml", Kustomization(cluster, source.topology_name, files)});
  }
  json values = json::array();
  for (size_t i : selection.values) values.push_back(ValueSummary(set[i]));
  out.files.push_back({"values.yaml", "# Values meshform generates or reads while applying.\n" +
                                          ToYaml(json{{"values", values}})});
  out.left_out = std::move(selection.left_out);
  out.files.push_back({"README.md", RenderReadme(source, out.clusters, out.left_out)});
  return out;
}

}  // namespace meshform::resources
