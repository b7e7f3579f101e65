// Normalising the objects a renderer or a raw manifest prints before meshform plans them.
//
// Real renderers (istioctl manifest generate, helm template) print objects that mean exactly what
// the API server will store but that server-side apply rejects or would churn on: a Service port
// without `protocol` makes SSA fail with HTTP 500 ("associative list with keys has an element that
// omits key field \"protocol\""), since SSA keys Service and container ports by (port,
// protocol). Every such repair is one row of the table in manifest_normalization.cc (what it
// fixes, the Kubernetes versions that need it); the module README lists the same rows. The
// SSA list types and server defaults the diff uses are in engine/ssa (list_types.cc,
// server_defaults.cc); these rows make desired objects match them.
//
// Besides the repairs, a batch of documents is checked: an object printed twice (same group,
// kind, namespace and name) is an error naming both documents, and an object of a kind meshform
// cannot place (a built-in group's unknown kind; a custom kind without a namespace whose CRD is
// not in the batch) is an error naming the object. Messages start with the source's name.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "resources/resource.h"

namespace meshform::resources {

// Where a batch of documents came from.
struct ManifestSource {
  std::string name;  // for messages: "renderer \"istio-renderer\" for cluster beijing"
  // The namespace a namespaced object without metadata.namespace goes to ("" = leave it unset,
  // as for raw manifests, which the cluster's context namespace receives).
  std::string default_namespace;
};

// One printed document: the object and where it was printed.
struct ManifestDocument {
  json object;
  int index = 1;  // 1-based among the batch's documents
  int line = 1;   // where it starts in the text
};

// One row of the normalisation table.
struct NormalizationRow {
  const char* name;
  const char* fixes;     // what goes wrong without it
  const char* versions;  // the Kubernetes versions that need it
};

// The rows, in the order they run.
std::vector<NormalizationRow> NormalizationTable();

// Normalises every document of `docs` in place (the table's rows, in order), then checks the
// batch. Throws meshform::Error "<source.name>: <message>" naming the object(s) and documents.
void NormalizeManifests(std::vector<ManifestDocument>& docs, const ManifestSource& source);

// Whether a built-in kind is namespaced: true/false, or no value for a kind not in the table
// (custom resources, or an unknown kind of a built-in group, see IsBuiltInGroup).
std::optional<bool> BuiltInNamespaced(const std::string& api_version, const std::string& kind);

// Whether `api_version`'s group is one of Kubernetes' own (core, apps, batch, ...).
bool IsBuiltInGroup(const std::string& api_version);

}  // namespace meshform::resources
