// What of an object a person or another tool can edit: the object without what the server and
// the controllers write on their own (status, resourceVersion, managedFields, generation). Two
// reads of an object nobody edited have the same editable content; a saved plan records its
// digest, so that a status update between plan and apply (an HPA's, every 15 s) does not make
// the plan stale while any edit does.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace meshform::ssa {

nlohmann::json EditableContent(const nlohmann::json& object);

// "sha256:<hex>" of EditableContent(object) (keys in order, so equal content gives equal digests).
std::string EditableContentDigest(const nlohmann::json& object);

}  // namespace meshform::ssa
