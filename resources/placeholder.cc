// Placeholders: making, finding and substituting them.
#include "resources/placeholder.h"

#include "engine/util/base64.h"

namespace meshform::resources {

namespace {

constexpr const char* kTemplateMarker = "${value}";

std::string EscapePointerToken(const std::string& token) {
  std::string out;
  for (char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

void Find(const json& j, const std::string& pointer, std::vector<Placeholder>& out) {
  if (IsPlaceholder(j)) {
    Placeholder p = ParsePlaceholder(j);
    p.pointer = pointer;
    out.push_back(std::move(p));
  } else if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it)
      Find(it.value(), pointer + "/" + EscapePointerToken(it.key()), out);
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) Find(j[i], pointer + "/" + std::to_string(i), out);
  }
}

json Replace(const json& j, const std::function<json(const Placeholder&)>& with) {
  if (IsPlaceholder(j)) return with(ParsePlaceholder(j));
  if (j.is_object()) {
    json out = json::object();
    for (auto it = j.begin(); it != j.end(); ++it) out[it.key()] = Replace(it.value(), with);
    return out;
  }
  if (j.is_array()) {
    json out = json::array();
    for (const auto& item : j) out.push_back(Replace(item, with));
    return out;
  }
  return j;
}

}  // namespace

json MakePlaceholder(const std::string& from, const std::string& field,
                     const std::string& encoding) {
  json inner = {{"from", from}, {"field", field}};
  if (!encoding.empty()) inner["encoding"] = encoding;
  return json{{kPlaceholderKey, inner}};
}

json MakeTemplatePlaceholder(const std::string& from, const std::string& field,
                             const std::string& template_text) {
  json p = MakePlaceholder(from, field);
  p[kPlaceholderKey]["template"] = template_text;
  return p;
}

bool IsPlaceholder(const json& j) {
  if (!j.is_object() || j.size() != 1) return false;
  auto it = j.find(kPlaceholderKey);
  return it != j.end() && it->is_object() && it->contains("from") && it->contains("field");
}

Placeholder ParsePlaceholder(const json& j) {
  const json& inner = j.at(kPlaceholderKey);
  Placeholder p;
  p.from = inner.value("from", "");
  p.field = inner.value("field", "");
  p.encoding = inner.value("encoding", "");
  p.template_ = inner.value("template", "");
  return p;
}

void CollectPlaceholderSources(const json& document, std::vector<std::string>& out) {
  if (document.is_object()) {
    if (IsPlaceholder(document)) {
      out.push_back(document[kPlaceholderKey].value("from", ""));
      return;
    }
    for (const auto& item : document) CollectPlaceholderSources(item, out);
  } else if (document.is_array()) {
    for (const auto& item : document) CollectPlaceholderSources(item, out);
  }
}

std::vector<Placeholder> FindPlaceholders(const json& document) {
  std::vector<Placeholder> out;
  Find(document, "", out);
  return out;
}

json Substitute(const json& document, const Resolver& resolve) {
  return Replace(document, [&](const Placeholder& p) -> json {
    std::string value = resolve(p.from, p.field);
    if (p.encoding == "base64") value = util::Base64Encode(value);
    if (p.template_.empty()) return value;
    std::string text = p.template_;
    auto at = text.find(kTemplateMarker);
    if (at != std::string::npos) text.replace(at, std::string(kTemplateMarker).size(), value);
    return text;
  });
}

json ReplacePlaceholders(const json& document,
                         const std::function<std::string(const Placeholder&)>& marker) {
  return Replace(document, [&](const Placeholder& p) -> json { return marker(p); });
}

}  // namespace meshform::resources
