// The front half of every topology command: load the file, compile it into resources, build the
// dependency graph. Errors are printed one per line ("file:line:col: field: message").
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "engine/graph/graph.h"
#include "engine/topology/model.h"
#include "engine/util/subprocess.h"
#include "resources/resource.h"

namespace meshform::cli {

struct CompiledTopology {
  topology::Topology topology;
  resources::ResourceSet resources;
  graph::Graph graph;
};

// Runs the pipeline on `path` with the real renderer. Prints every problem to `err` and returns
// nothing when loading, compiling or the graph fails.
std::optional<CompiledTopology> LoadAndCompile(const std::string& path, std::ostream& err);

// The same with a given renderer runner (tests).
std::optional<CompiledTopology> LoadAndCompile(const std::string& path, std::ostream& err,
                                               util::ProcessRunner& runner);

}  // namespace meshform::cli
