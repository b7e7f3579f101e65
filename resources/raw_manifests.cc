// Raw manifests from files and inline documents.
#include "resources/raw_manifests.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/util/error.h"
#include "resources/manifest_normalization.h"
#include "resources/yaml_json.h"

namespace meshform::resources {

namespace {

std::string Where(const topology::Location& l, size_t index) {
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column) + ": manifests[" +
         std::to_string(index) + "]: ";
}

std::string ReadManifestFile(const topology::Topology& t, const topology::RawManifest& m,
                             size_t index) {
  namespace fs = std::filesystem;
  fs::path path(m.file);
  if (path.is_relative()) path = fs::path(t.source_file).parent_path() / path;
  std::ifstream in(path);
  if (!in) throw Error(Where(m.location, index) + "cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void AddDocuments(const topology::Topology& t, const topology::RawManifest& m, size_t index,
                  std::vector<YamlDocument> parsed, const std::string& name, ResourceSet& out) {
  std::vector<ManifestDocument> docs;
  for (auto& doc : parsed) {
    const json& o = doc.value;
    bool named = o.is_object() && o.contains("metadata") && o["metadata"].is_object() &&
                 o["metadata"].contains("name");
    if (!named || !o.contains("apiVersion") || !o.contains("kind"))
      throw Error(Where(m.location, index) + "a document (line " + std::to_string(doc.line) +
                  ") has no apiVersion, kind or metadata.name");
    docs.push_back({std::move(doc.value), static_cast<int>(docs.size()) + 1, doc.line});
  }
  // Raw manifests have no target namespace: objects without one keep none (the context's).
  NormalizeManifests(docs, {name, ""});
  for (auto& doc : docs) {
    Resource r = MakeObject(m.cluster, std::move(doc.object), t.name, m.location);
    r.depends_on.insert(r.depends_on.end(), m.depends_on.begin(), m.depends_on.end());
    out.push_back(std::move(r));
  }
}

}  // namespace

void CompileRawManifests(const topology::Topology& t, ResourceSet& out) {
  for (size_t i = 0; i < t.manifests.size(); ++i) {
    const auto& m = t.manifests[i];
    try {
      if (!m.file.empty())
        AddDocuments(t, m, i, ParseYamlDocuments(ReadManifestFile(t, m, i), m.file), m.file, out);
      for (const auto& text : m.inline_yaml) {
        AddDocuments(t, m, i, ParseYamlDocuments(text, "manifests[" + std::to_string(i) + "]"),
                     "inline YAML", out);
      }
    } catch (const Error& e) {
      std::string what = e.what();
      if (what.rfind(m.location.file, 0) == 0) throw;
      throw Error(Where(m.location, i) + what);
    }
  }
}

}  // namespace meshform::resources
