// Per-cluster kustomizations for GitOps tools (`meshform render`), applied as they are by
// `kubectl apply --server-side --field-manager meshform -k`, Flux's kustomize-controller and
// Argo CD.
//
// Output, relative to the output folder:
//   <cluster>/<NNNN>-<kind>-[<namespace>-]<name>.yaml   one object a file, numbered in apply
//                                                        (dependency) order within its cluster
//   <cluster>/kustomization.yaml   lists those files in that order (sortOptions: fifo, so that
//                                  kustomize keeps it; kustomize 5.0 or later)
//   README.md                      how to apply them, and every object left out with its reason
//   values.yaml                    the values meshform generates or reads while applying
// Only objects known in full and holding no secret are written (render_selection.h): the output
// never holds a placeholder, a "(sensitive)" mask or secret data. The objects are written exactly
// as `meshform apply` writes them, so that after applying the folders `meshform apply` creates
// only the left-out objects.
#pragma once

#include <string>
#include <vector>

#include "engine/graph/graph.h"
#include "resources/render_selection.h"
#include "resources/resource.h"

namespace meshform::resources {

// The first line of every kustomization.yaml and gitops file render writes: how a later render
// recognises its own files.
inline constexpr const char* kRenderHeader = "# Written by meshform render";

struct RenderedFile {
  std::string path;  // relative: <cluster>/<file>, README.md or values.yaml
  std::string text;
};

struct Rendered {
  std::vector<RenderedFile> files;
  std::vector<std::string> clusters;  // the folders written, sorted
  std::vector<LeftOut> left_out;
};

// What the README names: the topology and the file it came from.
struct RenderSource {
  std::string topology_name;
  std::string topology_file;
};

// `g` must be the graph of `set` (node i is set[i]).
Rendered RenderManifests(const ResourceSet& set, const graph::Graph& g, const RenderSource& source);

// The command that lets meshform apply own the left-out objects (one --target each).
std::string TargetCommand(const std::string& topology_file, const std::vector<LeftOut>& left_out);

}  // namespace meshform::resources
