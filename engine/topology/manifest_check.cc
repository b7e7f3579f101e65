// Raw manifests: the cluster exists; exactly one of `file` and `documents`; the file is
// readable YAML; every document is a Kubernetes object (apiVersion, kind, metadata.name).
#include <yaml-cpp/yaml.h>

#include "engine/topology/file_read.h"
#include "engine/topology/json_get.h"
#include "engine/topology/json_pointer.h"
#include "engine/topology/semantic_check.h"

namespace meshform::topology {
namespace {

// What a document lacks to be a Kubernetes object ("" when nothing).
std::string MissingPart(bool is_map, bool api_version, bool kind, bool name) {
  if (!is_map) return "a Kubernetes object (a mapping)";
  if (!api_version) return "apiVersion";
  if (!kind) return "kind";
  if (!name) return "metadata.name";
  return "";
}

std::string MissingPart(const nlohmann::json& doc) {
  return MissingPart(doc.is_object(), Member(doc, "apiVersion").is_string(),
                     Member(doc, "kind").is_string(),
                     Member(Member(doc, "metadata"), "name").is_string());
}

std::string MissingPart(const YAML::Node& doc) {
  if (!doc.IsMap()) return MissingPart(false, false, false, false);
  auto scalar = [](const YAML::Node& n) { return n && n.IsScalar(); };
  YAML::Node metadata = doc["metadata"];
  return MissingPart(true, scalar(doc["apiVersion"]), scalar(doc["kind"]),
                     metadata && metadata.IsMap() && scalar(metadata["name"]));
}

void CheckFile(const CheckContext& ctx, const RawManifest& m, const std::string& pointer) {
  const std::string written = ctx.StringAt(pointer);
  std::string text, error;
  if (!ReadWholeFile(m.file, &text, &error)) {
    ctx.At(pointer, "cannot read '" + written + "': " + error);
    return;
  }
  std::vector<YAML::Node> docs;
  try {
    docs = YAML::LoadAll(text);
  } catch (const YAML::Exception& e) {
    ctx.At(pointer, "'" + written + "' is not valid YAML: line " + std::to_string(e.mark.line + 1) +
                        ", column " + std::to_string(e.mark.column + 1) + ": " + e.msg);
    return;
  }
  for (size_t i = 0; i < docs.size(); ++i) {
    if (docs[i].IsNull()) continue;
    std::string missing = MissingPart(docs[i]);
    if (!missing.empty())
      ctx.At(pointer,
             "document " + std::to_string(i + 1) + " of '" + written + "' lacks " + missing);
  }
}

void CheckManifest(const CheckContext& ctx, const RawManifest& m, const std::string& pointer) {
  if (ctx.DanglingCluster(m.cluster))
    ctx.At(PointerAppend(pointer, "cluster"), ctx.UnknownCluster(m.cluster));
  bool has_file = ctx.Written(PointerAppend(pointer, "file"));
  bool has_documents = ctx.Written(PointerAppend(pointer, "documents"));
  if (has_file && has_documents)
    ctx.At(PointerAppend(pointer, "documents"), "give either 'file' or 'documents', not both");
  if (!has_file && !has_documents)
    ctx.At(PointerAppend(pointer, "file"), "a manifest needs 'file' or 'documents'");
  if (!m.file.empty()) CheckFile(ctx, m, PointerAppend(pointer, "file"));
  const auto& documents =
      Items(ctx.document.json.at(nlohmann::json::json_pointer(pointer)), "documents");
  for (size_t j = 0; j < documents.size(); ++j) {
    // The schema reports a document that is not a mapping or lacks a top-level key.
    const auto& doc = documents[j];
    if (!Has(doc, "apiVersion") || !Has(doc, "kind") || !Has(doc, "metadata")) continue;
    std::string missing = MissingPart(doc);
    if (!missing.empty())
      ctx.At(PointerAppend(PointerAppend(pointer, "documents"), j),
             "the document lacks " + missing);
  }
}

}  // namespace

void CheckManifests(const CheckContext& ctx) {
  const auto& manifests = ctx.topology.manifests;
  for (size_t i = 0; i < manifests.size(); ++i)
    CheckManifest(ctx, manifests[i], PointerAppend("/manifests", i));
}

}  // namespace meshform::topology
