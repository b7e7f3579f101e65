#include "engine/ssa/field_path.h"

#include "engine/util/error.h"

namespace meshform::ssa {

PathElement PathElement::Field(std::string name) {
  PathElement e;
  e.kind = Kind::kField;
  e.name = std::move(name);
  return e;
}

PathElement PathElement::Key(nlohmann::json keys) {
  PathElement e;
  e.kind = Kind::kKey;
  e.value = std::move(keys);
  return e;
}

PathElement PathElement::Value(nlohmann::json value) {
  PathElement e;
  e.kind = Kind::kValue;
  e.value = std::move(value);
  return e;
}

PathElement PathElement::Index(int index) {
  PathElement e;
  e.kind = Kind::kIndex;
  e.index = index;
  return e;
}

PathElement PathElement::FromFieldsV1(const std::string& text) {
  if (text.size() < 2 || text[1] != ':') {
    throw Error("invalid fieldsV1 path element '" + text + "'");
  }
  std::string rest = text.substr(2);
  try {
    switch (text[0]) {
      case 'f':
        return Field(rest);
      case 'k':
        return Key(nlohmann::json::parse(rest));
      case 'v':
        return Value(nlohmann::json::parse(rest));
      case 'i':
        return Index(std::stoi(rest));
      default:
        break;
    }
  } catch (const std::exception& e) {
    throw Error("invalid fieldsV1 path element '" + text + "': " + e.what());
  }
  throw Error("invalid fieldsV1 path element '" + text + "'");
}

std::string PathElement::ToFieldsV1() const {
  switch (kind) {
    case Kind::kField:
      return "f:" + name;
    case Kind::kKey:
      return "k:" + value.dump();
    case Kind::kValue:
      return "v:" + value.dump();
    case Kind::kIndex:
      return "i:" + std::to_string(index);
  }
  return "";
}

bool PathElement::operator==(const PathElement& other) const {
  if (kind != other.kind) return false;
  switch (kind) {
    case Kind::kField:
      return name == other.name;
    case Kind::kIndex:
      return index == other.index;
    default:
      return value == other.value;
  }
}

bool PathElement::operator<(const PathElement& other) const {
  if (kind != other.kind) return kind < other.kind;
  switch (kind) {
    case Kind::kField:
      return name < other.name;
    case Kind::kIndex:
      return index < other.index;
    default:
      return value < other.value;
  }
}

std::string ToString(const Path& path) {
  std::string out;
  for (const auto& e : path) {
    switch (e.kind) {
      case PathElement::Kind::kField:
        out += "." + e.name;
        break;
      case PathElement::Kind::kIndex:
        out += "[" + std::to_string(e.index) + "]";
        break;
      case PathElement::Kind::kValue:
        out += "[=" + e.value.dump() + "]";
        break;
      case PathElement::Kind::kKey: {
        std::string keys;
        for (const auto& [k, v] : e.value.items()) {
          if (!keys.empty()) keys += ",";
          keys += k + "=" + v.dump();
        }
        out += "[" + keys + "]";
        break;
      }
    }
  }
  return out.empty() ? "." : out;
}

bool HasPrefix(const Path& path, const Path& prefix) {
  if (prefix.size() > path.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (!(path[i] == prefix[i])) return false;
  }
  return true;
}

}  // namespace meshform::ssa
