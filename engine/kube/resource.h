// Names of Kubernetes resources: group/version, the REST mapping of a kind, object references,
// and the URL paths and query strings built from them.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace meshform::kube {

struct GroupVersion {
  std::string group;  // "" for the core group
  std::string version;

  static GroupVersion Parse(const std::string& api_version);  // "apps/v1", "v1"
  std::string ApiVersion() const;                             // back to "apps/v1"
  std::string PathPrefix() const;                             // "/apis/apps/v1", "/api/v1"
  bool operator==(const GroupVersion&) const = default;
};

// What discovery says about one kind: its resource name and scope.
struct RestMapping {
  GroupVersion gv;
  std::string kind;      // Deployment
  std::string resource;  // deployments
  bool namespaced = false;
  std::vector<std::string> verbs;
  std::vector<std::string> subresources;  // status, scale, token, ...

  bool HasSubresource(const std::string& name) const;
  // "/apis/apps/v1/namespaces/NS/deployments[/NAME[/SUB]]"; ns is ignored for cluster scope.
  std::string Path(const std::string& ns, const std::string& name = "",
                   const std::string& subresource = "") const;
};

// apiVersion, kind, namespace and name of one object.
struct ObjectRef {
  std::string api_version;
  std::string kind;
  std::string ns;  // empty for cluster-scoped kinds (or to use the client's namespace)
  std::string name;

  std::string ToString() const;  // "apps/v1 Deployment ns/name"
};

// The group of an apiVersion: "apps" for "apps/v1", "" (core) for "v1".
std::string GroupOf(const std::string& api_version);

std::string UrlEncode(const std::string& text);

// A query string built in insertion order: "?a=1&b=x%20y" (empty when no parameter).
class Query {
 public:
  Query& Add(const std::string& key, const std::string& value);
  Query& AddIf(bool condition, const std::string& key, const std::string& value);
  std::string str() const;

 private:
  std::vector<std::pair<std::string, std::string>> params_;
};

}  // namespace meshform::kube
