// Resource helpers: addresses, ownership labels, normalization.
#include "resources/resource.h"

#include <algorithm>

namespace meshform::resources {

namespace {
std::string StringAt(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}
std::string MetadataString(const json& object, const char* key) {
  auto it = object.find("metadata");
  return it != object.end() && it->is_object() ? StringAt(*it, key) : std::string();
}
}  // namespace

std::string Resource::api_version() const { return StringAt(object, "apiVersion"); }
std::string Resource::object_kind() const { return StringAt(object, "kind"); }
std::string Resource::object_namespace() const { return MetadataString(object, "namespace"); }
std::string Resource::object_name() const { return MetadataString(object, "name"); }

std::string ObjectAddress(const std::string& cluster, const json& object) {
  std::string address =
      cluster + "/" + StringAt(object, "apiVersion") + "/" + StringAt(object, "kind") + "/";
  std::string ns = MetadataString(object, "namespace");
  if (!ns.empty()) address += ns + "/";
  return address + MetadataString(object, "name");
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
  std::sort(set.begin(), set.end(),
            [](const Resource& a, const Resource& b) { return a.address < b.address; });
  for (auto& r : set) {
    std::sort(r.depends_on.begin(), r.depends_on.end());
    r.depends_on.erase(std::unique(r.depends_on.begin(), r.depends_on.end()), r.depends_on.end());
  }
}

}  // namespace meshform::resources
