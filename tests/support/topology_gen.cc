#include "tests/support/topology_gen.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace meshform::testing {

std::string GeneratedTopology(const std::string& name, int workloads,
                              const std::vector<std::string>& contexts, const std::string& ns) {
  std::ostringstream y;
  y << "apiVersion: meshform.io/v1alpha1\nkind: Topology\nmetadata:\n  name: " << name << "\n";
  y << "clusters:\n";
  for (size_t i = 0; i < contexts.size(); ++i) {
    y << "  - {name: " << contexts[i] << ", context: " << contexts[i] << ", network: network"
      << (i % 2 + 1) << ", role: primary}\n";
  }
  y << "networks:\n  - {name: network1, gateway: {port: 15443}}\n"
       "  - {name: network2, gateway: {port: 15443}}\n";
  y << "ca:\n  root: {generate: {commonName: bench root CA}}\n  intermediate: {validityDays: "
       "365}\n";
  y << "mesh:\n  id: mesh1\n  controlPlane: {mode: multi-primary}\n"
       "  renderer: {command: ["
    << MESHFORM_SOURCE_DIR << "/tools/istio-renderer]}\n";
  y << "federation: {type: direct}\nworkloads:\n";
  for (int w = 0; w < workloads; ++w) {
    y << "  - name: w" << w << "\n    namespace: " << ns << "\n    placement: [";
    for (size_t i = 0; i < contexts.size(); ++i) y << (i ? ", " : "") << contexts[i];
    y << "]\n    image: registry.local/app:" << w % 7 << "\n    labels: {tier: t" << w % 3
      << "}\n    ports: [{name: http, port: 8080}]\n";
  }
  return y.str();
}

std::string WithRejectedManifest(const std::string& file) {
  std::ifstream in(file);
  std::stringstream read;
  read << in.rdbuf();
  std::string text = read.str();
  const std::string renderer = "[../../tools/istio-renderer]";
  size_t at = text.find(renderer);
  if (at == std::string::npos) throw std::runtime_error(file + " has no " + renderer);
  text.replace(at, renderer.size(),
               "[" + std::string(MESHFORM_SOURCE_DIR) + "/tools/istio-renderer]");
  return text + R"(
manifests:
  - cluster: shanghai
    dependsOn: [shanghai/v1/Namespace/sample]
    documents:
      - apiVersion: v1
        kind: Service
        metadata: {name: out-of-range, namespace: sample}
        spec: {ports: [{port: 70000}]}
)";
}

}  // namespace meshform::testing
