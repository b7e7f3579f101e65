#include "engine/plan/substitute_known.h"

#include "engine/util/base64.h"
#include "resources/placeholder.h"

namespace meshform::plan {

using nlohmann::json;

json SubstituteKnown(const json& document, const values::ValueStore& values) {
  json out = document;
  for (const auto& p : resources::FindPlaceholders(document)) {
    auto fields = values.Get(p.from);
    if (!fields || !fields->count(p.field)) continue;
    json::json_pointer ptr(p.pointer);
    out[ptr] = resources::Substitute(
        document[ptr], [&](const std::string&, const std::string& f) { return fields->at(f); });
  }
  return out;
}

json NormalizeSecret(const json& object) {
  if (object.value("apiVersion", "") != "v1" || object.value("kind", "") != "Secret" ||
      !object.contains("stringData")) {
    return object;
  }
  json out = object;
  json& data = out["data"];
  if (!data.is_object()) data = json::object();
  json left = json::object();
  for (const auto& [key, value] : object["stringData"].items()) {
    if (value.is_string()) {
      data[key] = util::Base64Encode(value.get<std::string>());
    } else if (resources::IsPlaceholder(value) &&
               resources::ParsePlaceholder(value).encoding.empty() &&
               resources::ParsePlaceholder(value).template_.empty()) {
      json p = value;
      p[resources::kPlaceholderKey]["encoding"] = "base64";
      data[key] = p;
    } else {
      left[key] = value;  // cannot be expressed as data; applied as written
    }
  }
  if (left.empty()) {
    out.erase("stringData");
  } else {
    out["stringData"] = left;
  }
  return out;
}

}  // namespace meshform::plan
