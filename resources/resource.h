// The resource contract: what compiling a topology produces and what plan/apply consume.
//
// A Resource is one node of the dependency graph. It is either
//   * a Kubernetes object (`kind == Kind::kObject`): `object` is the desired manifest, or
//   * a value meshform generates or observes while applying (`kind == Kind::kValue`): a root or
//     intermediate CA, a ServiceAccount token, a LoadBalancer address, a cluster's API endpoint,
//     a kubeconfig. `value.type` says which (see resources/values.h), `value.params` how.
//
// Addresses (unique, like Terraform's):
//   objects  <cluster>/<apiVersion>/<Kind>/[<namespace>/]<name>
//            shanghai/v1/Namespace/istio-system, beijing/apps/v1/Deployment/istio-system/istiod
//   values   ca/root, ca/intermediate/<cluster>, token/<cluster>/<namespace>/<serviceaccount>,
//            lb-address/<cluster>/<namespace>/<service>, endpoint/<cluster>,
//            kubeconfig/<cluster>/<namespace>/<serviceaccount>
//
// Values known only after apply appear inside desired objects as placeholders (see
// resources/placeholder.h): {"$generated": {"from": "<value address>", "field": "<name>"}}.
// Every object that holds a placeholder depends on the value it names.
//
// Every object carries the ownership labels app.kubernetes.io/managed-by: meshform and
// meshform.io/topology: <topology name>.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/topology/model.h"

namespace meshform::resources {

using json = nlohmann::json;

inline constexpr const char* kManagedByLabel = "app.kubernetes.io/managed-by";
inline constexpr const char* kManagedByValue = "meshform";
inline constexpr const char* kTopologyLabel = "meshform.io/topology";

// A value produced while applying: its type (values.h) and what generating it needs.
struct Value {
  std::string type;
  json params = json::object();
};

struct Resource {
  enum class Kind { kObject, kValue };

  std::string address;
  std::string cluster;  // the cluster an object lives in, or a value is read from; "" for CA values
  Kind kind = Kind::kObject;
  json object;                          // kObject: the desired manifest (may hold placeholders)
  Value value;                          // kValue
  std::vector<std::string> depends_on;  // addresses, sorted and unique after compiling
  bool sensitive = false;               // Secret data, keys, tokens: never printed, logged or saved
  topology::Location origin;            // where the topology declared what made this resource

  bool is_object() const { return kind == Kind::kObject; }
  bool is_value() const { return kind == Kind::kValue; }
  // The object's apiVersion, kind, namespace ("" when cluster-scoped) and name; references into
  // `object` (or to an empty string), valid while the object is not modified.
  const std::string& api_version() const;
  const std::string& object_kind() const;
  const std::string& object_namespace() const;
  const std::string& object_name() const;
};

using ResourceSet = std::vector<Resource>;

// <cluster>/<apiVersion>/<Kind>/[<namespace>/]<name> of `object` in `cluster`.
std::string ObjectAddress(const std::string& cluster, const json& object);

// An object resource for `object` in `cluster`: computes the address, adds the ownership labels.
Resource MakeObject(const std::string& cluster, json object, const std::string& topology_name,
                    const topology::Location& origin);

// A value resource.
Resource MakeValue(const std::string& address, const std::string& cluster, Value value,
                   bool sensitive, const topology::Location& origin);

// Adds `address` to r.depends_on (duplicates are removed when compiling finishes).
void DependOn(Resource& r, const std::string& address);

// Sorts by address and makes every depends_on sorted and unique.
void Normalize(ResourceSet& set);

}  // namespace meshform::resources
