// Extracting a manager's fields from an object (see extract.h).
#include "engine/ssa/extract.h"

namespace meshform::ssa {
namespace {

using nlohmann::json;

bool ItemIs(const json& item, const PathElement& e, size_t index) {
  switch (e.kind) {
    case PathElement::Kind::kValue:
      return item == e.value;
    case PathElement::Kind::kIndex:
      return static_cast<size_t>(e.index) == index;
    case PathElement::Kind::kKey:
      if (!item.is_object()) return false;
      for (const auto& [k, v] : e.value.items()) {
        // The server keys items by defaulted fields too (a port's protocol).
        if (item.contains(k) ? item[k] != v : !(k == "protocol" && v == "TCP")) return false;
      }
      return true;
    case PathElement::Kind::kField:
      return false;
  }
  return false;
}

json ExtractNode(const json& value, const FieldSet::Node& node);

json ExtractList(const json& list, const FieldSet::Node& node) {
  json out = json::array();
  for (size_t i = 0; i < list.size(); ++i) {
    for (const auto& [element, child] : node.children) {
      if (!ItemIs(list[i], element, i)) continue;
      json item = ExtractNode(list[i], child);
      if (element.kind == PathElement::Kind::kKey && item.is_object()) {
        for (const auto& [k, v] : element.value.items()) {
          if (list[i].contains(k)) item[k] = list[i][k];
        }
      }
      out.push_back(std::move(item));
      break;
    }
  }
  return out;
}

json ExtractNode(const json& value, const FieldSet::Node& node) {
  if (node.children.empty()) return value;  // owned as a whole
  if (value.is_array()) return ExtractList(value, node);
  if (!value.is_object()) return value;
  json out = json::object();
  for (const auto& [element, child] : node.children) {
    if (element.kind != PathElement::Kind::kField) continue;
    auto it = value.find(element.name);
    if (it != value.end()) out[element.name] = ExtractNode(*it, child);
  }
  return out;
}

}  // namespace

std::optional<FieldSet> FieldsOf(const json& object, const std::string& manager,
                                 const std::string& operation) {
  const json* entries = nullptr;
  if (object.contains("metadata") && object["metadata"].contains("managedFields")) {
    entries = &object["metadata"]["managedFields"];
  }
  if (entries == nullptr || !entries->is_array()) return std::nullopt;
  for (const auto& entry : *entries) {
    if (entry.value("manager", "") != manager || entry.value("operation", "") != operation ||
        entry.value("subresource", "") != "" || !entry.contains("fieldsV1")) {
      continue;
    }
    return FieldSet::FromFieldsV1(entry["fieldsV1"]);
  }
  return std::nullopt;
}

json Extract(const json& object, const FieldSet& fields) {
  json out = ExtractNode(object, fields.root());
  if (!out.is_object()) out = json::object();
  out["apiVersion"] = object.value("apiVersion", "");
  out["kind"] = object.value("kind", "");
  const json& meta = object.contains("metadata") ? object["metadata"] : json::object();
  out["metadata"]["name"] = meta.value("name", "");
  if (meta.contains("namespace")) out["metadata"]["namespace"] = meta["namespace"];
  return out;
}

}  // namespace meshform::ssa
