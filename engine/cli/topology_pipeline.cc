// load -> compile -> graph, with errors printed one per line.
#include "engine/cli/topology_pipeline.h"

#include <ostream>

#include "engine/topology/loader.h"
#include "engine/util/phase_timer.h"
#include "resources/compile.h"
#include "resources/graph_nodes.h"

namespace meshform::cli {

std::optional<CompiledTopology> LoadAndCompile(const std::string& path, std::ostream& err) {
  util::RealProcessRunner runner;
  return LoadAndCompile(path, err, runner);
}

std::optional<CompiledTopology> LoadAndCompile(const std::string& path, std::ostream& err,
                                               util::ProcessRunner& runner) {
  try {
    topology::Topology t = [&] {
      PhaseTimer timer("load topology");
      return topology::LoadTopologyFile(path);
    }();
    resources::ResourceSet set = [&] {
      PhaseTimer timer("compile");
      return resources::Compile(t, runner);
    }();
    PhaseTimer timer("build graph");
    graph::Graph g = resources::BuildGraph(set);
    return CompiledTopology{std::move(t), std::move(set), std::move(g)};
  } catch (const topology::LoadError& e) {
    for (const auto& d : e.diagnostics()) err << d.ToString() << "\n";
  } catch (const resources::CompileError& e) {
    for (const auto& line : e.problems()) err << line << "\n";
  } catch (const graph::GraphError& e) {
    for (const auto& line : e.lines()) err << line << "\n";
  } catch (const Error& e) {
    err << e.what() << "\n";
  }
  return std::nullopt;
}

}  // namespace meshform::cli
