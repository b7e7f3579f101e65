// `meshform render --gitops argocd|flux`: one Argo CD Application (argoproj.io/v1alpha1) or Flux
// Kustomization (kustomize.toolkit.fluxcd.io/v1) per cluster, in gitops/<cluster>.yaml, pointing
// at the cluster's folder of the render output in the Git repository.
//
// Destination: Argo CD's destination.server is the server URL of the cluster's kubeconfig
// context when the kubeconfig has that context, else destination.name is the context's name (an
// Argo CD cluster registered under it, as `argocd cluster add CONTEXT` names it). Flux reaches
// other clusters only through a kubeconfig in a Secret: spec.kubeConfig.secretRef names
// "<context>-kubeconfig" (the context made a DNS label); the server URL is noted in a comment.
// Both sync with server-side apply semantics (Argo CD: ServerSideApply=true) and prune.
#pragma once

#include <string>
#include <vector>

#include "resources/render_manifests.h"

namespace meshform::resources {

struct GitOpsOptions {
  std::string tool;                    // "argocd" or "flux"
  std::string repo_url;                // Argo CD: spec.source.repoURL (required)
  std::string revision = "HEAD";       // Argo CD: spec.source.targetRevision
  std::string path;                    // the render output's folder inside the repository
  std::string source = "flux-system";  // Flux: the GitRepository's name (flux bootstrap's)
  std::string ns;                      // namespace of the objects ("" : argocd / flux-system)
};

struct GitOpsCluster {
  std::string name;
  std::string context;
  std::string server;  // from the kubeconfig; "" when it lacks the context
};

// The files gitops/<cluster>.yaml. Throws meshform::Error on an unknown tool or a missing
// repository URL for Argo CD.
std::vector<RenderedFile> RenderGitOps(const GitOpsOptions& options, const std::string& topology,
                                       const std::vector<GitOpsCluster>& clusters);

// The name of the Secret holding a cluster's kubeconfig for Flux.
std::string FluxKubeconfigSecret(const std::string& context);

}  // namespace meshform::resources
