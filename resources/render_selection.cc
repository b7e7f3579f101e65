// Choosing what render writes: objects known in full and not secret.
#include "resources/render_selection.h"

#include <set>

#include "engine/util/redact.h"
#include "resources/placeholder.h"
#include "resources/state_objects.h"

namespace meshform::resources {

namespace {

// Why `r` cannot be written for what it is itself, or "".
std::string OwnReason(const Resource& r) {
  if (r.object_namespace() == kStateNamespace)
    return "meshform's own state (its inventory and generated root CA live in meshform-system)";
  if (r.sensitive) return "a Secret: its data is secret, generated or filled in by the API server";
  util::RedactOptions redact;
  redact.keep = IsPlaceholder;
  if (util::Redacted(r.object, redact) != r.object) return "holds a credential field";
  return "";
}

std::string Join(const std::set<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

RenderSelection SelectForRender(const ResourceSet& set, const graph::Graph& g) {
  RenderSelection out;
  std::vector<bool> left_out(set.size(), false);
  // For each value: the left-out objects it is read from, directly or through other values.
  std::vector<std::set<std::string>> read_from(set.size());
  for (size_t i : g.TopologicalOrder()) {
    const Resource& r = set[i];
    std::set<size_t> values;
    for (size_t d : g.dependencies(i)) {
      if (set[d].is_value()) {
        values.insert(d);
        read_from[i].insert(read_from[d].begin(), read_from[d].end());
      } else if (left_out[d] && r.is_value()) {
        read_from[i].insert(set[d].address);
      }
    }
    if (r.is_value()) {
      out.values.push_back(i);
      continue;
    }
    std::string reason = OwnReason(r);
    if (reason.empty() && !values.empty()) {
      std::set<std::string> names;
      for (size_t v : values) names.insert(set[v].address);
      reason = "needs values known only after apply: " + Join(names);
      if (!read_from[i].empty()) reason += " (read from left-out " + Join(read_from[i]) + ")";
    }
    if (reason.empty() && !FindPlaceholders(r.object).empty())
      reason = "holds a value known only after apply";
    if (reason.empty()) {
      out.kept.push_back(i);
    } else {
      left_out[i] = true;
      out.left_out.push_back({r.address, r.cluster, reason});
    }
  }
  return out;
}

}  // namespace meshform::resources
