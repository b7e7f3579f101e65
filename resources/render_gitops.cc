// Argo CD Applications and Flux Kustomizations for render's per-cluster folders.
#include "resources/render_gitops.h"

#include <cctype>

#include "engine/util/error.h"
#include "resources/yaml_json.h"

namespace meshform::resources {

namespace {

// The cluster's folder inside the repository.
std::string Folder(const GitOpsOptions& o, const GitOpsCluster& c) {
  return o.path.empty() ? c.name : o.path + "/" + c.name;
}

json ArgoApplication(const GitOpsOptions& o, const std::string& name, const GitOpsCluster& c) {
  json destination = c.server.empty() ? json{{"name", c.context}} : json{{"server", c.server}};
  return {{"apiVersion", "argoproj.io/v1alpha1"},
          {"kind", "Application"},
          {"metadata", {{"name", name}, {"namespace", o.ns.empty() ? "argocd" : o.ns}}},
          {"spec",
           {{"project", "default"},
            {"source",
             {{"repoURL", o.repo_url}, {"targetRevision", o.revision}, {"path", Folder(o, c)}}},
            {"destination", destination},
            {"syncPolicy",
             {{"automated", {{"prune", true}, {"selfHeal", true}}},
              {"syncOptions", json::array({"ServerSideApply=true"})}}}}}};
}

json FluxKustomization(const GitOpsOptions& o, const std::string& name, const GitOpsCluster& c) {
  return {{"apiVersion", "kustomize.toolkit.fluxcd.io/v1"},
          {"kind", "Kustomization"},
          {"metadata", {{"name", name}, {"namespace", o.ns.empty() ? "flux-system" : o.ns}}},
          {"spec",
           {{"interval", "10m"},
            {"path", "./" + Folder(o, c)},
            {"prune", true},
            {"sourceRef", {{"kind", "GitRepository"}, {"name", o.source}}},
            {"kubeConfig", {{"secretRef", {{"name", FluxKubeconfigSecret(c.context)}}}}}}}};
}

std::string Comment(const GitOpsOptions& o, const std::string& topology, const GitOpsCluster& c) {
  std::string text = std::string(kRenderHeader) + ": cluster " + c.name + " of topology " +
                     topology + " (kubeconfig context " + c.context;
  text += c.server.empty() ? ", not in the kubeconfig" : ", server " + c.server;
  text += ").\n";
  if (o.tool == "flux")
    text += "# Flux reaches it through the kubeconfig in Secret " +
            FluxKubeconfigSecret(c.context) + " (key: value).\n";
  return text;
}

}  // namespace

std::string FluxKubeconfigSecret(const std::string& context) {
  std::string name;
  for (char c : context) {
    bool ok = std::isalnum(static_cast<unsigned char>(c));
    char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ok)
      name += lower;
    else if (!name.empty() && name.back() != '-')
      name += '-';
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  return name + "-kubeconfig";
}

std::vector<RenderedFile> RenderGitOps(const GitOpsOptions& options, const std::string& topology,
                                       const std::vector<GitOpsCluster>& clusters) {
  if (options.tool != "argocd" && options.tool != "flux")
    throw Error("--gitops: unknown tool '" + options.tool + "' (argocd or flux)");
  if (options.tool == "argocd" && options.repo_url.empty())
    throw Error("--gitops argocd needs --gitops-repo-url (the Git repository Argo CD reads)");
  std::vector<RenderedFile> files;
  for (const auto& c : clusters) {
    std::string name = topology + "-" + c.name;
    json object = options.tool == "argocd" ? ArgoApplication(options, name, c)
                                           : FluxKustomization(options, name, c);
    files.push_back({"gitops/" + c.name + ".yaml", Comment(options, topology, c) + ToYaml(object)});
  }
  return files;
}

}  // namespace meshform::resources
