// Raw manifests from files and inline documents.
#include "resources/raw_manifests.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/util/error.h"
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
                  const std::vector<YamlDocument>& docs, ResourceSet& out) {
  for (const auto& doc : docs) {
    const json& o = doc.value;
    bool named = o.is_object() && o.contains("metadata") && o["metadata"].is_object() &&
                 o["metadata"].contains("name");
    if (!named || !o.contains("apiVersion") || !o.contains("kind"))
      throw Error(Where(m.location, index) + "a document (line " + std::to_string(doc.line) +
                  ") has no apiVersion, kind or metadata.name");
    Resource r = MakeObject(m.cluster, o, t.name, m.location);
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
        AddDocuments(t, m, i, ParseYamlDocuments(ReadManifestFile(t, m, i), m.file), out);
      for (const auto& text : m.inline_yaml)
        AddDocuments(t, m, i, ParseYamlDocuments(text, "manifests[" + std::to_string(i) + "]"),
                     out);
    } catch (const Error& e) {
      std::string what = e.what();
      if (what.rfind(m.location.file, 0) == 0) throw;
      throw Error(Where(m.location, i) + what);
    }
  }
}

}  // namespace meshform::resources
