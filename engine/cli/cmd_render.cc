// meshform render: plain per-cluster manifests in DIR/<cluster>/, numbered in apply order, for
// other GitOps tools. Values known only after apply are written as visible markers
// "(known after apply: <from> <field>)"; literal Secret data as "(sensitive)" (see
// resources/render_manifests.h). Earlier *.yaml files in the cluster folders are replaced.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "engine/cli/command.h"
#include "engine/cli/topology_pipeline.h"
#include "resources/render_manifests.h"

namespace meshform::cli {

namespace {

namespace fs = std::filesystem;

void ClearYaml(const fs::path& folder) {
  if (!fs::is_directory(folder)) return;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().extension() == ".yaml") fs::remove(entry.path());
}

bool WriteFiles(const fs::path& dir, const std::vector<resources::RenderedFile>& files) {
  std::set<fs::path> cleared;
  for (const auto& file : files) {
    fs::path path = dir / file.path;
    fs::create_directories(path.parent_path());
    if (path.parent_path() != dir && cleared.insert(path.parent_path()).second)
      ClearYaml(path.parent_path());
    std::ofstream out(path);
    out << file.text;
    if (!out) {
      std::cerr << "meshform render: cannot write " << path.string() << "\n";
      return false;
    }
  }
  return true;
}

}  // namespace

int RunRender(const Args& args) {
  po::options_description options;
  options.add(TopologyOptions());
  po::options_description own("Render");
  own.add_options()("dir,d", po::value<std::string>()->required(), "output folder");
  options.add(own);
  auto parsed = ParseCommand("render", "-f FILE -d DIR", options, args);
  if (parsed.exit_code) return *parsed.exit_code;
  auto compiled = LoadAndCompile(parsed.vars["file"].as<std::string>(), std::cerr);
  if (!compiled) return 1;
  auto files = resources::RenderManifests(compiled->resources, compiled->graph);
  fs::path dir = parsed.vars["dir"].as<std::string>();
  try {
    if (!WriteFiles(dir, files)) return 1;
  } catch (const fs::filesystem_error& e) {
    std::cerr << "meshform render: " << e.what() << "\n";
    return 1;
  }
  std::cout << "Wrote " << files.size() - 1 << " manifests for "
            << compiled->topology.clusters.size() << " clusters to " << dir.string() << "\n";
  return 0;
}

}  // namespace meshform::cli
