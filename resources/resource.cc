// Resource helpers: addresses, ownership labels, normalization.
#include "resources/resource.h"

#include <algorithm>

namespace meshform::resources {

namespace {
const std::string& Empty() {
  static const std::string empty;
  return empty;
}
const std::string& StringAt(const json& object, const char* key) {
  if (!object.is_object()) return Empty();
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get_ref<const std::string&>() : Empty();
}
const std::string& MetadataString(const json& object, const char* key) {
  if (!object.is_object()) return Empty();
  auto it = object.find("metadata");
  return it != object.end() && it->is_object() ? StringAt(*it, key) : Empty();
}
}  // namespace

const std::string& Resource::api_version() const { return StringAt(object, "apiVersion"); }
const std::string& Resource::object_kind() const { return StringAt(object, "kind"); }
const std::string& Resource::object_namespace() const {
  return MetadataString(object, "namespace");
}
const std::string& Resource::object_name() const { return MetadataString(object, "name"); }

std::string ObjectAddress(const std::string& cluster, const json& object) {
  const std::string& api_version = StringAt(object, "apiVersion");
  const std::string& kind = StringAt(object, "kind");
  const std::string& ns = MetadataString(object, "namespace");
  const std::string& name = MetadataString(object, "name");
  std::string address;
  address.reserve(cluster.size() + api_version.size() + kind.size() + ns.size() + name.size() + 4);
  address.append(cluster).append("/").append(api_version).append("/").append(kind).append("/");
  if (!ns.empty()) address.append(ns).append("/");
  return address.append(name);
}

Resource MakeObject(const std::string& cluster, json object, const std::string& topology_name,
                    const topology::Location& origin) {
  json& labels = object["metadata"]["labels"];
  labels[kManagedByLabel] = kManagedByValue;
  labels[kTopologyLabel] = topology_name;
  Resource r;
  r.address = ObjectAddress(cluster, object);
  r.cluster = cluster;
  r.kind = Resource::Kind::kObject;
  r.sensitive = StringAt(object, "kind") == "Secret" && object.value("apiVersion", "") == "v1";
  r.object = std::move(object);
  r.origin = origin;
  return r;
}

Resource MakeValue(const std::string& address, const std::string& cluster, Value value,
                   bool sensitive, const topology::Location& origin) {
  Resource r;
  r.address = address;
  r.cluster = cluster;
  r.kind = Resource::Kind::kValue;
  r.value = std::move(value);
  r.sensitive = sensitive;
  r.origin = origin;
  return r;
}

void DependOn(Resource& r, const std::string& address) {
  if (address != r.address) r.depends_on.push_back(address);
}

void Normalize(ResourceSet& set) {
  // Sorting indices and moving every resource once is cheaper than sorting the resources.
  std::vector<size_t> order(set.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&set](size_t a, size_t b) { return set[a].address < set[b].address; });
  ResourceSet sorted;
  sorted.reserve(set.size());
  for (size_t i : order) sorted.push_back(std::move(set[i]));
  set = std::move(sorted);
  for (auto& r : set) {
    std::sort(r.depends_on.begin(), r.depends_on.end());
    r.depends_on.erase(std::unique(r.depends_on.begin(), r.depends_on.end()), r.depends_on.end());
  }
}

}  // namespace meshform::resources
