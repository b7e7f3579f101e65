// How server-side apply merges each list of the built-in kinds: atomic (the whole list is one
// value), map (items matched by key fields) or set (items are scalar values). This is data, from
// the +listType / +listMapKey / patchMergeKey markers of the Kubernetes API types; lists of
// custom resources without markers are atomic, as the API server treats them.
#pragma once

#include <string>
#include <vector>

namespace meshform::ssa {

struct ListType {
  enum class Kind { kAtomic, kMap, kSet };
  Kind kind = Kind::kAtomic;
  std::vector<std::string> keys;  // kMap: key field names, sorted
};

// The list at field `field` whose nearest enclosing named field is `parent` ("" at the top of
// the object), in an object of `api_version`/`kind`.
ListType LookUpListType(const std::string& api_version, const std::string& kind,
                        const std::string& parent, const std::string& field);

}  // namespace meshform::ssa
