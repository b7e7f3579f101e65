#include "engine/plan/targets.h"

#include <map>
#include <set>

#include "engine/util/error.h"

namespace meshform::plan {

resources::ResourceSet SelectTargets(const resources::ResourceSet& set,
                                     const std::vector<std::string>& targets) {
  if (targets.empty()) return set;
  std::map<std::string, const resources::Resource*> by_address;
  for (const auto& r : set) by_address[r.address] = &r;
  std::vector<std::string> todo;
  for (const auto& t : targets) {
    size_t before = todo.size();
    for (const auto& r : set) {
      bool prefix = !t.empty() && t.back() == '/' && r.address.rfind(t, 0) == 0;
      if (r.address == t || prefix) todo.push_back(r.address);
    }
    if (todo.size() == before) throw Error("--target " + t + " matches no resource");
  }
  std::set<std::string> keep;
  while (!todo.empty()) {
    std::string a = todo.back();
    todo.pop_back();
    if (!keep.insert(a).second) continue;
    auto it = by_address.find(a);
    if (it == by_address.end()) continue;
    for (const auto& d : it->second->depends_on) todo.push_back(d);
  }
  resources::ResourceSet out;
  for (const auto& r : set) {
    if (keep.count(r.address)) out.push_back(r);
  }
  return out;
}

}  // namespace meshform::plan
