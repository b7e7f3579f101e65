// Applying the ordering rules: one hash join per rule.
#include "resources/ordering.h"

#include <unordered_map>

namespace meshform::resources {

namespace {

const json* FindPath(const json& j, std::initializer_list<const char*> keys) {
  const json* at = &j;
  for (const char* key : keys) {
    if (!at->is_object()) return nullptr;
    auto it = at->find(key);
    if (it == at->end()) return nullptr;
    at = &*it;
  }
  return at;
}

const json* PodSpecOf(const Resource& r, std::string_view kind) {
  if (kind == "Pod") return FindPath(r.object, {"spec"});
  for (std::string_view workload : {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"})
    if (kind == workload) return FindPath(r.object, {"spec", "template", "spec"});
  return nullptr;
}

}  // namespace

RuleSubject MakeRuleSubject(const Resource& r) {
  RuleSubject s;
  s.resource = &r;
  if (!r.is_object()) return s;
  s.api_version = r.api_version();
  s.kind = r.object_kind();
  s.ns = r.object_namespace();
  s.name = r.object_name();
  s.pod_spec = PodSpecOf(r, s.kind);
  return s;
}

void ApplyOrderingRules(ResourceSet& set, const std::vector<OrderingRule>& rules) {
  std::vector<RuleSubject> subjects;
  subjects.reserve(set.size());
  for (const auto& r : set) subjects.push_back(MakeRuleSubject(r));
  // DependOn changes only depends_on, so the subjects' views into the objects stay valid.
  for (const auto& rule : rules) {
    std::unordered_map<std::string, std::vector<size_t>> providers;
    for (size_t i = 0; i < set.size(); ++i)
      for (auto& key : rule.provides(subjects[i])) providers[std::move(key)].push_back(i);
    if (providers.empty()) continue;
    for (size_t r = 0; r < set.size(); ++r) {
      for (const auto& key : rule.requires_(subjects[r])) {
        auto it = providers.find(key);
        if (it == providers.end()) continue;
        for (size_t i : it->second) DependOn(set[r], set[i].address);
      }
    }
  }
}

}  // namespace meshform::resources
