// render --gitops: one Argo CD Application or Flux Kustomization per cluster, valid YAML of the
// right kind, pointing at the cluster's folder; destination from the kubeconfig's server URL,
// else the context name.
#include "resources/render_gitops.h"

#include <gtest/gtest.h>

#include "engine/util/error.h"
#include "resources/yaml_json.h"

namespace meshform::resources {
namespace {

const std::vector<GitOpsCluster> kClusters = {{"beijing", "ctx-beijing", "https://10.0.0.1:6443"},
                                              {"shanghai", "Ctx_Shanghai", ""}};

json Parse(const RenderedFile& f) {
  EXPECT_EQ(f.text.rfind(kRenderHeader, 0), 0u) << f.text;
  auto docs = ParseYamlDocuments(f.text, f.path);
  EXPECT_EQ(docs.size(), 1u);
  return docs.at(0).value;
}

TEST(RenderGitOps, ArgoCdApplicationsPointAtEachClusterFolder) {
  GitOpsOptions o;
  o.tool = "argocd";
  o.repo_url = "https://git.example.com/mesh.git";
  o.path = "deploy/mesh";
  auto files = RenderGitOps(o, "topo", kClusters);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].path, "gitops/beijing.yaml");
  json a = Parse(files[0]);
  EXPECT_EQ(a["apiVersion"], "argoproj.io/v1alpha1");
  EXPECT_EQ(a["kind"], "Application");
  EXPECT_EQ(a["metadata"]["name"], "topo-beijing");
  EXPECT_EQ(a["metadata"]["namespace"], "argocd");
  EXPECT_EQ(a["spec"]["source"]["repoURL"], o.repo_url);
  EXPECT_EQ(a["spec"]["source"]["targetRevision"], "HEAD");
  EXPECT_EQ(a["spec"]["source"]["path"], "deploy/mesh/beijing");
  EXPECT_EQ(a["spec"]["destination"], (json{{"server", "https://10.0.0.1:6443"}}));
  EXPECT_EQ(a["spec"]["syncPolicy"]["syncOptions"], json::array({"ServerSideApply=true"}));
  json b = Parse(files[1]);
  EXPECT_EQ(b["spec"]["destination"], (json{{"name", "Ctx_Shanghai"}}));
  EXPECT_EQ(b["spec"]["source"]["path"], "deploy/mesh/shanghai");
}

TEST(RenderGitOps, FluxKustomizationsPointAtEachClusterFolder) {
  GitOpsOptions o;
  o.tool = "flux";
  o.path = "";
  auto files = RenderGitOps(o, "topo", kClusters);
  ASSERT_EQ(files.size(), 2u);
  json k = Parse(files[1]);
  EXPECT_EQ(k["apiVersion"], "kustomize.toolkit.fluxcd.io/v1");
  EXPECT_EQ(k["kind"], "Kustomization");
  EXPECT_EQ(k["metadata"]["namespace"], "flux-system");
  EXPECT_EQ(k["spec"]["path"], "./shanghai");
  EXPECT_EQ(k["spec"]["prune"], true);
  EXPECT_EQ(k["spec"]["sourceRef"], (json{{"kind", "GitRepository"}, {"name", "flux-system"}}));
  EXPECT_EQ(k["spec"]["kubeConfig"]["secretRef"]["name"], "ctx-shanghai-kubeconfig");
  EXPECT_NE(files[0].text.find("server https://10.0.0.1:6443"), std::string::npos);
}

TEST(RenderGitOps, ArgoCdNeedsARepositoryAndToolsAreChecked) {
  GitOpsOptions o;
  o.tool = "argocd";
  EXPECT_THROW(RenderGitOps(o, "topo", kClusters), Error);
  o.tool = "jenkins";
  o.repo_url = "x";
  EXPECT_THROW(RenderGitOps(o, "topo", kClusters), Error);
}

}  // namespace
}  // namespace meshform::resources
