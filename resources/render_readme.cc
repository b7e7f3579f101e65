// The README of render's output.
#include "resources/render_readme.h"

namespace meshform::resources {

std::string TargetCommand(const std::string& topology_file, const std::vector<LeftOut>& left_out) {
  std::string command = "meshform apply -f " + topology_file;
  for (const auto& l : left_out) command += " \\\n    --target " + l.address;
  return command;
}

std::string RenderReadme(const RenderSource& source, const std::vector<std::string>& clusters,
                         const std::vector<LeftOut>& left_out) {
  std::string text = "# " + source.topology_name + ": manifests rendered by meshform\n\n" +
                     "Written by `meshform render -f " + source.topology_file +
                     "`. Do not edit: render again (the cluster folders are rewritten and "
                     "stale files removed).\n\n" +
                     "One folder per cluster, each a kustomization of its objects in apply "
                     "order:\n\n";
  for (const auto& cluster : clusters)
    text += "    kubectl apply --server-side --field-manager meshform -k " + cluster + "/\n";
  text +=
      "\nThe field manager must be `meshform`, so that `meshform plan` and `meshform apply` "
      "see the fields as their own. kubectl looks up every kind before it applies anything: "
      "when a folder defines CustomResourceDefinitions and uses them, its first run fails for "
      "the custom resources; wait for the CRDs (`kubectl wait --for condition=established "
      "crd --all`) and run it again. Flux and Argo CD apply CRDs first by themselves; "
      "`gitops/` (written with `--gitops argocd|flux`) holds an Argo CD Application or a Flux "
      "Kustomization per cluster.\n\n## Left out: owned by `meshform apply`\n\n";
  if (left_out.empty()) return text + "Nothing is left out.\n";
  text +=
      "These objects are not in the folders: they hold secrets, or values known only after "
      "apply. Let `meshform apply` own them (`--target` applies what they depend on too):\n\n"
      "    " +
      TargetCommand(source.topology_file, left_out) + "\n\n| address | reason |\n|---|---|\n";
  for (const auto& l : left_out) text += "| `" + l.address + "` | " + l.reason + " |\n";
  return text;
}

}  // namespace meshform::resources
