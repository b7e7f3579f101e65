// JSON pointer and field-path helpers.
#include "engine/topology/json_pointer.h"

namespace meshform::topology {
namespace {

std::string Escape(const std::string& token) {
  std::string out;
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Unescape(const std::string& token) {
  std::string out;
  for (size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

bool IsPlainKey(const std::string& key) {
  if (key.empty()) return false;
  for (char c : key) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string PointerAppend(const std::string& pointer, const std::string& token) {
  return pointer + "/" + Escape(token);
}

std::string PointerAppend(const std::string& pointer, size_t index) {
  return pointer + "/" + std::to_string(index);
}

std::vector<std::string> PointerTokens(const std::string& pointer) {
  std::vector<std::string> tokens;
  size_t start = 1;
  while (start <= pointer.size() && !pointer.empty()) {
    size_t slash = pointer.find('/', start);
    if (slash == std::string::npos) slash = pointer.size();
    tokens.push_back(Unescape(pointer.substr(start, slash - start)));
    start = slash + 1;
  }
  return tokens;
}

std::string PointerParent(const std::string& pointer) {
  size_t slash = pointer.rfind('/');
  return slash == std::string::npos ? std::string() : pointer.substr(0, slash);
}

std::string FieldAppend(const std::string& field, const std::string& key) {
  if (!IsPlainKey(key)) {
    std::string quoted = "[\"";
    for (char c : key)
      quoted += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    return field + quoted + "\"]";
  }
  return field.empty() ? key : field + "." + key;
}

std::string FieldAppend(const std::string& field, size_t index) {
  return field + "[" + std::to_string(index) + "]";
}

}  // namespace meshform::topology
