// Applying the ordering rules: one hash join per rule.
#include "resources/ordering.h"

#include <unordered_map>

namespace meshform::resources {

void ApplyOrderingRules(ResourceSet& set, const std::vector<OrderingRule>& rules) {
  for (const auto& rule : rules) {
    std::unordered_map<std::string, std::vector<size_t>> providers;
    for (size_t i = 0; i < set.size(); ++i)
      for (auto& key : rule.provides(set[i])) providers[std::move(key)].push_back(i);
    if (providers.empty()) continue;
    for (auto& r : set) {
      for (const auto& key : rule.requires_(r)) {
        auto it = providers.find(key);
        if (it == providers.end()) continue;
        for (size_t i : it->second) DependOn(r, set[i].address);
      }
    }
  }
}

}  // namespace meshform::resources
