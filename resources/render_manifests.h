// Plain per-cluster manifests for other GitOps tools (`meshform render`).
//
// Every object goes to <cluster>/<NNNN>-<kind>-[<namespace>-]<name>.yaml, numbered in apply
// (dependency) order within its cluster, so that applying the files in name order respects the
// graph. Placeholders are written as the visible marker "(known after apply: <from> <field>)".
// Secrets: every literal value under `data` or `stringData` is written as "(sensitive)", so keys
// and tokens never reach the output; placeholders there stay markers. Values (CA, tokens, ...)
// are listed, without parameters that could be secret, in values.yaml.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/graph/graph.h"
#include "resources/resource.h"

namespace meshform::resources {

struct RenderedFile {
  std::string path;  // relative: <cluster>/<file> or values.yaml
  std::string text;
};

// `g` must be the graph of `set` (node i is set[i]).
std::vector<RenderedFile> RenderManifests(const ResourceSet& set, const graph::Graph& g);

// The object as written: placeholders as markers, Secret values masked.
json RenderedObject(const Resource& r);

}  // namespace meshform::resources
