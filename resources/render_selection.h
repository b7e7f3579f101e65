// Which objects `meshform render` writes, and which it leaves to `meshform apply`.
//
// Render's output is applied as is by GitOps tools, so it holds only objects whose whole content
// is known without a cluster and is not secret. It leaves out, with a reason:
//   * every Secret (CA material, ServiceAccount token Secrets, remote secrets, raw Secrets):
//     their data is secret, or filled by the API server;
//   * meshform's own state (namespace meshform-system: the inventory, the generated root CA);
//   * every object that holds a value known only after apply (a placeholder: a CA, a token, an
//     API endpoint, a LoadBalancer address) or depends on such a value; when the value itself is
//     read from a left-out object, the reason names that object too (the object would be wrong
//     without it);
//   * every object holding a credential field (a key the redactor hides, util/redact.h).
// Values are never written (they are not objects). The rest is kept in apply order.
#pragma once

#include <string>
#include <vector>

#include "engine/graph/graph.h"
#include "resources/resource.h"

namespace meshform::resources {

struct LeftOut {
  std::string address;
  std::string cluster;
  std::string reason;
};

struct RenderSelection {
  std::vector<size_t> kept;       // indices into the set, in apply (topological) order
  std::vector<LeftOut> left_out;  // objects, in apply order
  std::vector<size_t> values;     // value resources, in apply order
};

// `g` must be the graph of `set` (node i is set[i]).
RenderSelection SelectForRender(const ResourceSet& set, const graph::Graph& g);

}  // namespace meshform::resources
