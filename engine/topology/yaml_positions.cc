// YAML -> JSON conversion driven by yaml-cpp's parser events (much faster than building
// YAML::Node trees), filling a SourceMap as it goes. Bounded in depth and in the number of values
// (aliases expanded), so that alias bombs and deep nesting end in a diagnostic.
#include "engine/topology/yaml_positions.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <sstream>
#include <unordered_map>

#include "engine/topology/json_pointer.h"
#include "engine/topology/utf8.h"
#include "engine/topology/yaml_scalar.h"

namespace meshform::topology {
namespace {

constexpr size_t kMaxValues = 1'000'000;  // values after alias expansion
constexpr size_t kMaxDepth = 200;

class JsonBuilder : public YAML::EventHandler {
 public:
  JsonBuilder(const std::string& file, SourceMap* map, Diagnostics* diagnostics)
      : file_(file), map_(map), diagnostics_(diagnostics) {}

  bool failed() const { return failed_; }
  nlohmann::json TakeRoot() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark& mark) override { start_ = mark; }
  const YAML::Mark& start() const { return start_; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    OnScalar(mark, "tag:yaml.org,2002:null", anchor, "");
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(mark, anchor, nlohmann::json::array());
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(mark, anchor, nlohmann::json::object());
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Frame {
    nlohmann::json value;  // the object or array being filled
    std::string pointer;
    YAML::anchor_t anchor = 0;
    size_t first_value = 0;  // values_ when it started, to size it for aliases
    bool expecting_key = true;
    bool drop_value = false;  // the value of a duplicate key
    std::string key;
    YAML::Mark key_mark;
    std::unordered_map<std::string, int> key_lines;
  };

  bool IsKeyPosition() const {
    return !stack_.empty() && stack_.back().value.is_object() && stack_.back().expecting_key;
  }
  bool Count(const YAML::Mark& mark, size_t values);
  std::string ChildPointer(YAML::Mark* key_mark) const;
  void Record(const std::string& pointer, const YAML::Mark& mark, const YAML::Mark& key,
              bool is_sequence);
  void Open(const YAML::Mark& mark, YAML::anchor_t anchor, nlohmann::json empty);
  void Close();
  void Attach(nlohmann::json value);
  void TakeKey(const YAML::Mark& mark, const std::string& key);
  void Fail(const YAML::Mark& mark, const std::string& message);

  const std::string& file_;
  SourceMap* map_;
  Diagnostics* diagnostics_;
  std::vector<Frame> stack_;
  nlohmann::json root_;
  std::unordered_map<YAML::anchor_t, std::pair<nlohmann::json, size_t>> anchors_;
  size_t values_ = 0;
  size_t dropped_ = 0;
  bool failed_ = false;
  YAML::Mark start_;
};

void JsonBuilder::Fail(const YAML::Mark& mark, const std::string& message) {
  if (!failed_)
    diagnostics_->Add(Diagnostic{ToLocation(file_, mark.line, mark.column), "", message});
  failed_ = true;
}

bool JsonBuilder::Count(const YAML::Mark& mark, size_t values) {
  values_ += values;
  if (values_ > kMaxValues) Fail(mark, "document too large (aliases expanded)");
  if (stack_.size() > kMaxDepth) Fail(mark, "document nested too deeply");
  return !failed_;
}

std::string JsonBuilder::ChildPointer(YAML::Mark* key_mark) const {
  *key_mark = YAML::Mark::null_mark();
  if (stack_.empty()) return "";
  const Frame& top = stack_.back();
  if (top.value.is_array()) return PointerAppend(top.pointer, top.value.size());
  *key_mark = top.key_mark;
  if (top.drop_value) return "/\x7f" + std::to_string(dropped_) + "/" + top.key;
  return PointerAppend(top.pointer, top.key);
}

void JsonBuilder::Record(const std::string& pointer, const YAML::Mark& mark, const YAML::Mark& key,
                         bool is_sequence) {
  YAML::Mark at = mark.line >= 0 ? mark : key;
  map_->Add(pointer, std::max(at.line, 0) + 1, std::max(at.column, 0) + 1,
            key.line >= 0 ? key.line + 1 : 0, key.line >= 0 ? key.column + 1 : 0, is_sequence);
}

void JsonBuilder::TakeKey(const YAML::Mark& mark, const std::string& key) {
  Frame& top = stack_.back();
  top.expecting_key = false;
  top.key = key;
  top.key_mark = mark;
  auto [seen, inserted] = top.key_lines.emplace(key, mark.line + 1);
  top.drop_value = !inserted;
  if (inserted) return;
  ++dropped_;
  std::string pointer = PointerAppend(top.pointer, key);
  diagnostics_->Add(Diagnostic{
      ToLocation(file_, mark.line, mark.column), map_->FieldOf(pointer),
      "duplicate key '" + key + "' (first at line " + std::to_string(seen->second) + ")"});
}

void JsonBuilder::OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                           const std::string& value) {
  if (failed_) return;
  if (IsKeyPosition()) return TakeKey(mark, value);
  if (!Count(mark, 1)) return;
  YAML::Mark key_mark;
  Record(ChildPointer(&key_mark), mark, key_mark, false);
  nlohmann::json json = ScalarToJson(value, tag);
  if (anchor) anchors_[anchor] = {json, 1};
  Attach(std::move(json));
}

void JsonBuilder::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  if (failed_) return;
  if (IsKeyPosition()) return Fail(mark, "mapping keys must be plain strings, not aliases");
  auto it = anchors_.find(anchor);
  if (it == anchors_.end()) return Fail(mark, "an alias may not refer to its own anchor's node");
  if (!Count(mark, it->second.second)) return;
  YAML::Mark key_mark;
  Record(ChildPointer(&key_mark), mark, key_mark, it->second.first.is_array());
  Attach(it->second.first);
}

void JsonBuilder::Open(const YAML::Mark& mark, YAML::anchor_t anchor, nlohmann::json empty) {
  if (failed_) return;
  if (IsKeyPosition()) return Fail(mark, "mapping keys must be plain strings");
  if (!Count(mark, 1)) return;
  YAML::Mark key_mark;
  Frame frame;
  frame.pointer = ChildPointer(&key_mark);
  frame.anchor = anchor;
  frame.first_value = values_;
  Record(frame.pointer, mark, key_mark, empty.is_array());
  frame.value = std::move(empty);
  stack_.push_back(std::move(frame));
}

void JsonBuilder::Close() {
  if (failed_ || stack_.empty()) return;
  Frame frame = std::move(stack_.back());
  stack_.pop_back();
  if (frame.anchor) anchors_[frame.anchor] = {frame.value, values_ - frame.first_value + 1};
  Attach(std::move(frame.value));
}

void JsonBuilder::Attach(nlohmann::json value) {
  if (stack_.empty()) {
    root_ = std::move(value);
    return;
  }
  Frame& top = stack_.back();
  if (top.value.is_array()) {
    top.value.push_back(std::move(value));
    return;
  }
  if (!top.drop_value) top.value[top.key] = std::move(value);
  top.expecting_key = true;
  top.drop_value = false;
}

}  // namespace

Location ToLocation(const std::string& file, int line0, int column0) {
  return Location{file, std::max(line0, 0) + 1, std::max(column0, 0) + 1};
}

namespace {

// Where byte `offset` of `text` is, as a Location (columns count bytes).
Location LocationOfOffset(const std::string& file, const std::string& text, size_t offset) {
  int line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line, column = 1;
    } else {
      ++column;
    }
  }
  return Location{file, line, column};
}

}  // namespace

bool ReadYamlDocument(const std::string& text, const std::string& file, YamlDocument* out,
                      Diagnostics* diagnostics) {
  if (size_t bad = FindInvalidUtf8(text); bad != std::string::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
    diagnostics->Add(
        Diagnostic{LocationOfOffset(file, text, bad), "",
                   std::string("invalid UTF-8 (byte ") + byte + "); topology files are UTF-8"});
    return false;
  }
  out->map = SourceMap(file);
  JsonBuilder builder(file, &out->map, diagnostics);
  std::istringstream stream(text);
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(builder)) {
      diagnostics->Add(Diagnostic{Location{file, 1, 1}, "", "the topology file is empty"});
      return false;
    }
    if (builder.failed()) return false;
    out->json = builder.TakeRoot();
    SourceMap ignored(file);
    Diagnostics ignored_diagnostics;
    JsonBuilder rest(file, &ignored, &ignored_diagnostics);
    if (parser.HandleNextDocument(rest))
      diagnostics->Add(Diagnostic{ToLocation(file, rest.start().line, rest.start().column), "",
                                  "a topology file holds one YAML document, not several"});
  } catch (const YAML::Exception& e) {
    diagnostics->Add(
        Diagnostic{ToLocation(file, e.mark.line, e.mark.column), "", "invalid YAML: " + e.msg});
    return false;
  }
  if (out->json.is_null()) {
    diagnostics->Add(Diagnostic{Location{file, 1, 1}, "", "the topology file is empty"});
    return false;
  }
  return true;
}

}  // namespace meshform::topology
