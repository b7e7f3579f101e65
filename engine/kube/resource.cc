// Resource names, paths and queries (see resource.h).
#include "engine/kube/resource.h"

#include <algorithm>

namespace meshform::kube {

GroupVersion GroupVersion::Parse(const std::string& api_version) {
  auto slash = api_version.find('/');
  if (slash == std::string::npos) return {"", api_version};
  return {api_version.substr(0, slash), api_version.substr(slash + 1)};
}

std::string GroupVersion::ApiVersion() const {
  return group.empty() ? version : group + "/" + version;
}

std::string GroupVersion::PathPrefix() const {
  return group.empty() ? "/api/" + version : "/apis/" + group + "/" + version;
}

bool RestMapping::HasSubresource(const std::string& name) const {
  return std::find(subresources.begin(), subresources.end(), name) != subresources.end();
}

std::string RestMapping::Path(const std::string& ns, const std::string& name,
                              const std::string& subresource) const {
  std::string path = gv.PathPrefix();
  if (namespaced && !ns.empty()) path += "/namespaces/" + UrlEncode(ns);
  path += "/" + resource;
  if (!name.empty()) path += "/" + UrlEncode(name);
  if (!subresource.empty()) path += "/" + subresource;
  return path;
}

std::string ObjectRef::ToString() const {
  std::string out = kind.empty() ? api_version : kind;
  if (name.empty() && !ns.empty()) return out + " in namespace " + ns;
  if (!name.empty()) out += " " + (ns.empty() ? name : ns + "/" + name);
  return out;
}

std::string GroupOf(const std::string& api_version) {
  auto slash = api_version.find('/');
  return slash == std::string::npos ? "" : api_version.substr(0, slash);
}

std::string UrlEncode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

Query& Query::Add(const std::string& key, const std::string& value) {
  params_.emplace_back(key, value);
  return *this;
}

Query& Query::AddIf(bool condition, const std::string& key, const std::string& value) {
  if (condition) Add(key, value);
  return *this;
}

std::string Query::str() const {
  std::string out;
  for (const auto& [key, value] : params_) {
    out += out.empty() ? "?" : "&";
    out += UrlEncode(key) + "=" + UrlEncode(value);
  }
  return out;
}

}  // namespace meshform::kube
