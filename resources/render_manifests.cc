// Rendering resources as per-cluster YAML files.
#include "resources/render_manifests.h"

#include <cstdio>

#include "engine/util/redact.h"
#include "resources/placeholder.h"
#include "resources/yaml_json.h"

namespace meshform::resources {

namespace {

std::string Marker(const Placeholder& p) {
  return "(known after apply: " + p.from + " " + p.field + ")";
}

bool KeepPlaceholder(const json& value) { return IsPlaceholder(value); }

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

}  // namespace

json RenderedObject(const Resource& r) {
  util::RedactOptions redact;
  redact.keep = KeepPlaceholder;  // replaced by markers below
  return ReplacePlaceholders(util::Redacted(r.object, redact), Marker);
}

std::vector<RenderedFile> RenderManifests(const ResourceSet& set, const graph::Graph& g) {
  std::vector<RenderedFile> files;
  std::map<std::string, int> next_index;
  json values = json::array();
  for (size_t i : g.TopologicalOrder()) {
    const Resource& r = set[i];
    if (r.is_value()) {
      values.push_back(ValueSummary(r));
      continue;
    }
    int index = next_index[r.cluster]++;
    files.push_back({r.cluster + "/" + FileName(r, index), ToYaml(RenderedObject(r))});
  }
  files.push_back({"values.yaml", "# Values meshform generates or reads while applying.\n" +
                                      ToYaml(json{{"values", values}})});
  return files;
}

}  // namespace meshform::resources
