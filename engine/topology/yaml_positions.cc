// YAML -> JSON conversion that fills a SourceMap; bounded in depth and size so that alias
// bombs and deep nesting end in a diagnostic instead of exhausting memory or stack.
#include "engine/topology/yaml_positions.h"

#include <yaml-cpp/yaml.h>

#include "engine/topology/json_pointer.h"
#include "engine/topology/yaml_scalar.h"

namespace meshform::topology {
namespace {

constexpr size_t kMaxValues = 2'000'000;  // values after alias expansion
constexpr int kMaxDepth = 200;

class Converter {
 public:
  Converter(const std::string& file, SourceMap* map, Diagnostics* diagnostics)
      : file_(file), map_(map), diagnostics_(diagnostics) {}

  // Returns false when a limit was hit (the conversion then stops).
  bool Convert(const YAML::Node& node, const std::string& pointer, const std::string& field,
               const Location& key, nlohmann::json* out, int depth);

 private:
  Location Where(const YAML::Node& node, const Location& fallback) const {
    YAML::Mark mark = node.Mark();
    if (mark.line < 0) return fallback.line > 0 ? fallback : Location{file_, 1, 1};
    return ToLocation(file_, mark.line, mark.column);
  }
  bool ConvertMap(const YAML::Node& node, const std::string& pointer, const std::string& field,
                  nlohmann::json* out, int depth);
  bool ConvertSequence(const YAML::Node& node, const std::string& pointer, const std::string& field,
                       nlohmann::json* out, int depth);
  void Report(const Location& at, const std::string& field, const std::string& message) {
    diagnostics_->Add(Diagnostic{at, field, message});
  }

  const std::string& file_;
  SourceMap* map_;
  Diagnostics* diagnostics_;
  size_t values_ = 0;
};

bool Converter::Convert(const YAML::Node& node, const std::string& pointer,
                        const std::string& field, const Location& key, nlohmann::json* out,
                        int depth) {
  Location at = Where(node, key);
  map_->Add(pointer, at, key, field);
  if (++values_ > kMaxValues || depth > kMaxDepth) {
    Report(at, field,
           values_ > kMaxValues ? "document too large (aliases expanded)"
                                : "document nested too deeply");
    return false;
  }
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return ConvertMap(node, pointer, field, out, depth);
    case YAML::NodeType::Sequence:
      return ConvertSequence(node, pointer, field, out, depth);
    case YAML::NodeType::Scalar:
      *out = ScalarToJson(node.Scalar(), node.Tag());
      return true;
    default:
      *out = nullptr;
      return true;
  }
}

bool Converter::ConvertMap(const YAML::Node& node, const std::string& pointer,
                           const std::string& field, nlohmann::json* out, int depth) {
  *out = nlohmann::json::object();
  std::unordered_map<std::string, int> first_line;
  for (auto it = node.begin(); it != node.end(); ++it) {
    Location key_at = Where(it->first, Where(node, {}));
    if (!it->first.IsScalar()) {
      Report(key_at, field, "mapping keys must be plain strings");
      continue;
    }
    const std::string key = it->first.Scalar();
    std::string child_field = FieldAppend(field, key);
    auto [seen, inserted] = first_line.emplace(key, key_at.line);
    if (!inserted) {
      Report(key_at, child_field,
             "duplicate key '" + key + "' (first at line " + std::to_string(seen->second) + ")");
      continue;
    }
    nlohmann::json child;
    std::string child_pointer = PointerAppend(pointer, key);
    if (!Convert(it->second, child_pointer, child_field, key_at, &child, depth + 1)) return false;
    (*out)[key] = std::move(child);
  }
  return true;
}

bool Converter::ConvertSequence(const YAML::Node& node, const std::string& pointer,
                                const std::string& field, nlohmann::json* out, int depth) {
  *out = nlohmann::json::array();
  size_t index = 0;
  for (const auto& item : node) {
    nlohmann::json child;
    if (!Convert(item, PointerAppend(pointer, index), FieldAppend(field, index), Location{}, &child,
                 depth + 1))
      return false;
    out->push_back(std::move(child));
    ++index;
  }
  return true;
}

}  // namespace

Location ToLocation(const std::string& file, int line0, int column0) {
  return Location{file, line0 + 1, column0 + 1};
}

bool ReadYamlDocument(const std::string& text, const std::string& file, YamlDocument* out,
                      Diagnostics* diagnostics) {
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(text);
  } catch (const YAML::Exception& e) {
    diagnostics->Add(
        Diagnostic{ToLocation(file, e.mark.line, e.mark.column), "", "invalid YAML: " + e.msg});
    return false;
  }
  if (documents.empty() || documents[0].IsNull()) {
    diagnostics->Add(Diagnostic{Location{file, 1, 1}, "", "the topology file is empty"});
    return false;
  }
  if (documents.size() > 1) {
    YAML::Mark mark = documents[1].Mark();
    diagnostics->Add(Diagnostic{
        ToLocation(file, std::max(mark.line, 0), std::max(mark.column, 0)), "",
        "a topology file holds one YAML document, not " + std::to_string(documents.size())});
  }
  out->map = SourceMap(file);
  Converter converter(file, &out->map, diagnostics);
  return converter.Convert(documents[0], "", "", Location{}, &out->json, 0);
}

}  // namespace meshform::topology
