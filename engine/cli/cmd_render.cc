// meshform render: per-cluster kustomizations in DIR/<cluster>/ that GitOps tools apply as they
// are, README.md listing what is left out for `meshform apply --target` (on stderr too), and with
// --gitops an Argo CD Application or Flux Kustomization per cluster in DIR/gitops/ (see
// resources/render_manifests.h, render_selection.h, render_gitops.h).
#include <filesystem>
#include <iostream>

#include "engine/cli/command.h"
#include "engine/cli/render_output.h"
#include "engine/cli/topology_pipeline.h"
#include "engine/kube/kubeconfig.h"
#include "engine/util/error.h"
#include "resources/render_gitops.h"
#include "resources/render_manifests.h"

namespace meshform::cli {

namespace {

namespace fs = std::filesystem;

po::options_description RenderOptions() {
  po::options_description own("Render");
  own.add_options()("dir,d", po::value<std::string>()->required(), "output folder")(
      "gitops", po::value<std::string>(),
      "also write DIR/gitops/<cluster>.yaml: argocd (Applications) or flux (Kustomizations)")(
      "gitops-repo-url", po::value<std::string>(),
      "argocd: the Git repository holding DIR (spec.source.repoURL; required)")(
      "gitops-revision", po::value<std::string>()->default_value("HEAD"),
      "argocd: the revision to sync (spec.source.targetRevision)")(
      "gitops-path", po::value<std::string>(),
      "DIR's path inside the repository (default: DIR when relative)")(
      "gitops-source", po::value<std::string>()->default_value("flux-system"),
      "flux: the GitRepository holding DIR (spec.sourceRef.name)")(
      "gitops-namespace", po::value<std::string>(),
      "namespace of the Applications / Kustomizations (default: argocd / flux-system)")(
      "kubeconfig", po::value<std::string>(),
      "kubeconfig whose contexts give the clusters' server URLs (default: as kubectl)");
  return own;
}

// DIR as a path inside the repository: relative, normalised, without "./" or a trailing '/'.
std::string RepositoryPath(const po::variables_map& vars) {
  if (vars.count("gitops-path")) return vars["gitops-path"].as<std::string>();
  fs::path dir = fs::path(vars["dir"].as<std::string>()).lexically_normal();
  if (dir.is_absolute())
    throw Error("--gitops: DIR is absolute; give --gitops-path (DIR's path in the repository)");
  std::string path = dir.string();
  while (!path.empty() && path.back() == '/') path.pop_back();
  return path == "." ? "" : path;
}

// The clusters with their server URLs, when the kubeconfig has their contexts.
std::vector<resources::GitOpsCluster> GitOpsClusters(const topology::Topology& topology,
                                                     const po::variables_map& vars) {
  kube::Kubeconfig kubeconfig;
  try {
    kubeconfig = kube::Kubeconfig::Load(
        vars.count("kubeconfig") ? vars["kubeconfig"].as<std::string>() : "");
  } catch (const Error& e) {
    std::cerr << "meshform render: " << e.what() << "; destinations use the context names\n";
  }
  std::vector<resources::GitOpsCluster> out;
  for (const auto& c : topology.clusters) {
    resources::GitOpsCluster g{c.name, c.context, ""};
    auto context = kubeconfig.contexts().find(c.context);
    if (context != kubeconfig.contexts().end()) {
      auto cluster = kubeconfig.clusters().find(context->second.cluster);
      if (cluster != kubeconfig.clusters().end()) g.server = cluster->second.server;
    }
    out.push_back(g);
  }
  return out;
}

std::vector<resources::RenderedFile> GitOpsFiles(const CompiledTopology& compiled,
                                                 const po::variables_map& vars) {
  resources::GitOpsOptions options;
  options.tool = vars["gitops"].as<std::string>();
  if (vars.count("gitops-repo-url")) options.repo_url = vars["gitops-repo-url"].as<std::string>();
  options.revision = vars["gitops-revision"].as<std::string>();
  options.path = RepositoryPath(vars);
  options.source = vars["gitops-source"].as<std::string>();
  if (vars.count("gitops-namespace")) options.ns = vars["gitops-namespace"].as<std::string>();
  return resources::RenderGitOps(options, compiled.topology.name,
                                 GitOpsClusters(compiled.topology, vars));
}

void ReportLeftOut(const resources::Rendered& rendered, const std::string& file,
                   const fs::path& dir) {
  if (rendered.left_out.empty()) return;
  std::cerr << "Left out " << rendered.left_out.size()
            << " objects that hold secrets or values known only after apply (listed in "
            << (dir / "README.md").string() << "):\n";
  for (const auto& l : rendered.left_out)
    std::cerr << "  " << l.address << ": " << l.reason << "\n";
  std::cerr << "Let meshform apply own them:\n  "
            << resources::TargetCommand(file, rendered.left_out) << "\n";
}

}  // namespace

int RunRender(const Args& args) {
  po::options_description options;
  options.add(TopologyOptions());
  options.add(RenderOptions());
  auto parsed = ParseCommand("render", "-f FILE -d DIR [--gitops argocd|flux]", options, args);
  if (parsed.exit_code) return *parsed.exit_code;
  const auto& vars = parsed.vars;
  std::string file = vars["file"].as<std::string>();
  auto compiled = LoadAndCompile(file, std::cerr);
  if (!compiled) return 1;
  fs::path dir = vars["dir"].as<std::string>();
  try {
    auto rendered = resources::RenderManifests(compiled->resources, compiled->graph,
                                               {compiled->topology.name, file});
    auto files = rendered.files;
    if (vars.count("gitops")) {
      auto gitops = GitOpsFiles(*compiled, vars);
      files.insert(files.end(), gitops.begin(), gitops.end());
    }
    WriteRenderOutput(dir, files, rendered.clusters);
    std::cout << "Wrote " << files.size() << " files for " << rendered.clusters.size()
              << " clusters to " << dir.string() << "\n";
    ReportLeftOut(rendered, file, dir);
  } catch (const fs::filesystem_error& e) {
    std::cerr << "meshform render: " << e.what() << "\n";
    return 1;
  } catch (const Error& e) {
    std::cerr << "meshform render: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace meshform::cli
