// The normalisation table: each row repairs what it says and leaves the rest alone; the batch
// checks name the source and the documents (a duplicate both of them, an unknown kind the
// object). Diffs against live v1.20 objects are in tests/unit/ssa/normalized_diff_test.cc.
#include "resources/manifest_normalization.h"

#include <gtest/gtest.h>

#include "engine/util/error.h"
#include "resources/yaml_json.h"

namespace meshform::resources {
namespace {

const ManifestSource kRenderer{"renderer \"istio-renderer\" for cluster beijing", "istio-system"};

std::vector<ManifestDocument> Docs(const std::string& yaml) {
  std::vector<ManifestDocument> docs;
  for (auto& d : ParseYamlDocuments(yaml, "test"))
    docs.push_back({std::move(d.value), static_cast<int>(docs.size()) + 1, d.line});
  return docs;
}

std::vector<ManifestDocument> Normalized(const std::string& yaml,
                                         const ManifestSource& source = kRenderer) {
  auto docs = Docs(yaml);
  NormalizeManifests(docs, source);
  return docs;
}

std::string ErrorOf(const std::string& yaml, const ManifestSource& source = kRenderer) {
  auto docs = Docs(yaml);
  try {
    NormalizeManifests(docs, source);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(ManifestNormalization, TheTableSaysWhatEachRowFixesAndForWhichVersions) {
  auto table = NormalizationTable();
  ASSERT_EQ(table.size(), 4u);
  for (const auto& row : table) {
    EXPECT_GT(std::string(row.fixes).size(), 40u) << row.name;
    EXPECT_FALSE(std::string(row.versions).empty()) << row.name;
  }
}

TEST(ManifestNormalization, ServicePortsWithoutProtocolGetTcpOthersKeepTheirs) {
  auto docs = Normalized(R"(
apiVersion: v1
kind: Service
metadata: {name: istiod, namespace: istio-system}
spec:
  ports:
  - {name: grpc, port: 15010}
  - {name: dns, port: 53, protocol: UDP}
)");
  const json& ports = docs[0].object["spec"]["ports"];
  EXPECT_EQ(ports[0]["protocol"], "TCP");
  EXPECT_EQ(ports[1]["protocol"], "UDP");
}

TEST(ManifestNormalization, ContainerPortsGetTcpInEveryPodTemplate) {
  auto docs = Normalized(R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: d, namespace: istio-system}
spec:
  template:
    spec:
      initContainers: [{name: i, ports: [{containerPort: 1}]}]
      containers: [{name: c, ports: [{containerPort: 2}, {containerPort: 3, protocol: SCTP}]}]
---
apiVersion: batch/v1beta1
kind: CronJob
metadata: {name: j, namespace: istio-system}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: c, ports: [{containerPort: 4}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: istio-system}
spec:
  containers: [{name: c, ports: [{containerPort: 5}]}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ds, namespace: istio-system}
spec:
  template:
    spec:
      containers: [{name: c, ports: [{containerPort: 6}]}]
)");
  const json& pod = docs[0].object["spec"]["template"]["spec"];
  EXPECT_EQ(pod["initContainers"][0]["ports"][0]["protocol"], "TCP");
  EXPECT_EQ(pod["containers"][0]["ports"][0]["protocol"], "TCP");
  EXPECT_EQ(pod["containers"][0]["ports"][1]["protocol"], "SCTP");
  EXPECT_EQ(docs[1].object["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]
                          ["ports"][0]["protocol"],
            "TCP");
  EXPECT_EQ(docs[2].object["spec"]["containers"][0]["ports"][0]["protocol"], "TCP");
  EXPECT_EQ(docs[3].object["spec"]["template"]["spec"]["containers"][0]["ports"][0]["protocol"],
            "TCP");
}

TEST(ManifestNormalization, PortsOfCustomResourcesAreLeftAlone) {
  auto docs = Normalized(R"(
apiVersion: networking.istio.io/v1beta1
kind: Gateway
metadata: {name: g, namespace: istio-system}
spec: {servers: [{port: {number: 443, name: tls}}], ports: [{port: 1}]}
)");
  EXPECT_FALSE(docs[0].object["spec"]["ports"][0].contains("protocol"));
}

TEST(ManifestNormalization, NamespacedObjectWithoutNamespaceTakesTheRenderersNamespace) {
  auto docs = Normalized(R"(
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata: {name: istiod}
spec: {minAvailable: 1}
---
apiVersion: admissionregistration.k8s.io/v1beta1
kind: ValidatingWebhookConfiguration
metadata: {name: istiod-istio-system}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: envoyfilters.networking.istio.io}
spec: {group: networking.istio.io, names: {kind: EnvoyFilter, plural: envoyfilters},
       scope: Namespaced}
---
apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata: {name: stats-filter-1.7}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: other, namespace: kube-system}
)");
  EXPECT_EQ(docs[0].object["metadata"]["namespace"], "istio-system");
  EXPECT_FALSE(docs[1].object["metadata"].contains("namespace")) << "cluster-scoped";
  EXPECT_FALSE(docs[2].object["metadata"].contains("namespace")) << "cluster-scoped";
  EXPECT_EQ(docs[3].object["metadata"]["namespace"], "istio-system") << "its CRD is Namespaced";
  EXPECT_EQ(docs[4].object["metadata"]["namespace"], "kube-system") << "a namespace stays";
}

TEST(ManifestNormalization, RawManifestsHaveNoTargetNamespace) {
  auto docs =
      Normalized("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n", {"extra.yaml", ""});
  EXPECT_FALSE(docs[0].object["metadata"].contains("namespace"));
}

TEST(ManifestNormalization, StatusIsDropped) {
  auto docs = Normalized(R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: d, namespace: istio-system}
spec: {replicas: 1}
status: {replicas: 0}
)");
  EXPECT_FALSE(docs[0].object.contains("status"));
  EXPECT_EQ(docs[0].object["spec"]["replicas"], 1);
}

TEST(ManifestNormalization, AnObjectPrintedTwiceNamesBothDocuments) {
  // Two API versions of one object are the same object on the server.
  EXPECT_EQ(ErrorOf(R"(
apiVersion: v1
kind: ConfigMap
metadata: {name: istio, namespace: istio-system}
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata: {name: istiod, namespace: istio-system}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: istiod}
)"),
            "renderer \"istio-renderer\" for cluster beijing: policy/v1 PodDisruptionBudget "
            "istio-system/istiod is printed twice: document 2 (line 6) and document 3 (line 10)");
}

TEST(ManifestNormalization, AnUnknownKindOfABuiltInGroupNamesTheObject) {
  EXPECT_EQ(ErrorOf(R"(
apiVersion: v1
kind: ConfigMap
metadata: {name: istio, namespace: istio-system}
---
apiVersion: apps/v1
kind: Deploymnet
metadata: {name: istiod, namespace: istio-system}
)"),
            "renderer \"istio-renderer\" for cluster beijing: document 2 (line 6): apps/v1 "
            "Deploymnet istio-system/istiod: unknown kind Deploymnet in API group apps");
}

TEST(ManifestNormalization, ACustomKindWithoutNamespaceOrCrdNamesTheObject) {
  EXPECT_EQ(ErrorOf("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n"),
            "renderer \"istio-renderer\" for cluster beijing: document 1 (line 1): example.com/v1 "
            "Widget w: kind Widget of example.com/v1 is neither built in nor defined by a CRD in "
            "this output, so whether it is namespaced is unknown: set metadata.namespace");
  // With a namespace it passes: the cluster may serve it (apply's preflight checks that).
  EXPECT_EQ(ErrorOf("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: "
                    "x}\n"),
            "");
}

TEST(ManifestNormalization, ADocumentWithoutNameNamesTheDocument) {
  EXPECT_EQ(ErrorOf("apiVersion: v1\nkind: ConfigMap\nmetadata: {namespace: x}\n"),
            "renderer \"istio-renderer\" for cluster beijing: document 1 (line 1): has no "
            "apiVersion, kind or metadata.name");
}

}  // namespace
}  // namespace meshform::resources
