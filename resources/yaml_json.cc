// YAML <-> JSON with yaml-cpp.
#include "resources/yaml_json.h"

#include <yaml-cpp/yaml.h>

#include <regex>

#include "engine/util/error.h"

namespace meshform::resources {

namespace {

bool IsNull(const std::string& s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}
bool IsTrue(const std::string& s) { return s == "true" || s == "True" || s == "TRUE"; }
bool IsFalse(const std::string& s) { return s == "false" || s == "False" || s == "FALSE"; }

bool IsInteger(const std::string& s) {
  static const std::regex re("[-+]?[0-9]+");
  return s.size() < 19 && std::regex_match(s, re);
}

bool IsFloat(const std::string& s) {
  static const std::regex re("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  return std::regex_match(s, re);
}

bool StartsLikeNumber(const std::string& s) {
  return !s.empty() && (std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-' ||
                        s[0] == '+' || s[0] == '.');
}

json ScalarToJson(const YAML::Node& node) {
  const std::string& s = node.Scalar();
  if (node.Tag() == "!") return s;  // quoted
  if (IsNull(s)) return nullptr;
  if (IsTrue(s)) return true;
  if (IsFalse(s)) return false;
  if (StartsLikeNumber(s)) {
    if (IsInteger(s)) return std::stoll(s);
    if (IsFloat(s)) return std::stod(s);
  }
  return s;
}

json NodeToJson(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      json out = json::object();
      for (const auto& kv : node) out[kv.first.Scalar()] = NodeToJson(kv.second);
      return out;
    }
    case YAML::NodeType::Sequence: {
      json out = json::array();
      for (const auto& item : node) out.push_back(NodeToJson(item));
      return out;
    }
    case YAML::NodeType::Scalar:
      return ScalarToJson(node);
    default:
      return nullptr;
  }
}

bool NeedsQuotes(const std::string& s) {
  return IsNull(s) || IsTrue(s) || IsFalse(s) || s == "yes" || s == "no" || s == "on" ||
         s == "off" || (StartsLikeNumber(s) && (IsInteger(s) || IsFloat(s)));
}

// A literal block ("|", which yaml-cpp writes without a chomping or indentation indicator) reads
// back as the same string only when it ends with exactly one newline and its first line does not
// start with a space; "a\nb" would read back as "a\nb\n".
bool FitsLiteralBlock(const std::string& s) {
  return s.size() >= 2 && s.back() == '\n' && s[s.size() - 2] != '\n' && s[0] != ' ' &&
         s[0] != '\n';
}

void Emit(YAML::Emitter& out, const json& j) {
  if (j.is_object()) {
    out << YAML::BeginMap;
    for (auto it = j.begin(); it != j.end(); ++it) {
      out << YAML::Key << it.key() << YAML::Value;
      Emit(out, it.value());
    }
    out << YAML::EndMap;
  } else if (j.is_array()) {
    out << YAML::BeginSeq;
    for (const auto& item : j) Emit(out, item);
    out << YAML::EndSeq;
  } else if (j.is_string()) {
    const auto& s = j.get_ref<const std::string&>();
    if (FitsLiteralBlock(s))
      out << YAML::Literal << s;
    else if (s.find('\n') != std::string::npos)
      out << YAML::DoubleQuoted << s;  // reads back exactly, whatever its newlines
    else if (NeedsQuotes(s))
      out << YAML::DoubleQuoted << s;
    else
      out << s;
  } else if (j.is_null()) {
    out << YAML::Null;
  } else {
    out << j.dump();
  }
}

}  // namespace

std::vector<YamlDocument> ParseYamlDocuments(const std::string& text, const std::string& name) {
  std::vector<YamlDocument> docs;
  try {
    for (const auto& node : YAML::LoadAll(text)) {
      if (node.IsNull()) continue;
      docs.push_back({NodeToJson(node), node.Mark().line + 1});
    }
  } catch (const YAML::Exception& e) {
    throw Error(name + ":" + std::to_string(e.mark.line + 1) + ":" +
                std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  return docs;
}

std::string ToYaml(const json& value) {
  YAML::Emitter out;
  out.SetIndent(2);
  out.SetSeqFormat(YAML::Block);
  out.SetMapFormat(YAML::Block);
  Emit(out, value);
  return std::string(out.c_str()) + "\n";
}

}  // namespace meshform::resources
