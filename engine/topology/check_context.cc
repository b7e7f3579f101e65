// CheckContext: positioning of semantic diagnostics, and the helpers every check shares.
#include "engine/topology/semantic_check.h"
#include "engine/topology/suggest.h"

namespace meshform::topology {

void CheckContext::At(const std::string& pointer, const std::string& message) const {
  const SourceMap& map = document.map;
  diagnostics->Add(Diagnostic{map.ValueAt(pointer), map.FieldOf(pointer), message});
}

void CheckContext::AtKey(const std::string& pointer, const std::string& message) const {
  const SourceMap& map = document.map;
  diagnostics->Add(Diagnostic{map.KeyAt(pointer), map.FieldOf(pointer), message});
}

bool CheckContext::Written(const std::string& pointer) const {
  try {
    return document.json.contains(nlohmann::json::json_pointer(pointer));
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

std::string CheckContext::StringAt(const std::string& pointer) const {
  if (!Written(pointer)) return "";
  const auto& value = document.json.at(nlohmann::json::json_pointer(pointer));
  return value.is_string() ? value.get<std::string>() : "";
}

std::vector<std::string> CheckContext::ClusterNames() const {
  std::vector<std::string> names;
  for (const auto& c : topology.clusters)
    if (!c.name.empty()) names.push_back(c.name);
  return names;
}

std::string CheckContext::UnknownCluster(const std::string& name) const {
  return "unknown cluster '" + name + "'" + DidYouMean(name, ClusterNames());
}

bool CheckContext::DanglingCluster(const std::string& name) const {
  return !name.empty() && !topology.clusters.empty() && !topology.FindCluster(name);
}

void CheckSemantics(const CheckContext& context) {
  CheckReferences(context);
  CheckControlPlane(context);
  CheckWorkloads(context);
  CheckCa(context);
  CheckManifests(context);
}

}  // namespace meshform::topology
