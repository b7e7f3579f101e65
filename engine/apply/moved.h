// Whether an object moved between two reads, for the preconditions of apply's writes: a write
// is sent with the uid and resourceVersion it was planned against (or, in rollback, the ones
// meshform's own write produced); when the server refuses it because the resourceVersion moved,
// these say whether someone edited the object (refuse, naming who) or only the server and the
// controllers wrote what they always write (status, managedFields' timestamps: go on).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace meshform::apply {

// True when `after` differs from `before` in more than the server's and controllers' fields
// (ssa::EditableContent).
bool Edited(const nlohmann::json& before, const nlohmann::json& after);

// "resourceVersion 12 → 15, written by kubectl-edit (Update)": what moved and who wrote it
// since `before` (field managers whose entries in `after` are new or newer; status writers
// left out).
std::string DescribeMove(const nlohmann::json& before, const nlohmann::json& after);

// For a write planned as a create that the client had to send again (an earlier try may have
// been carried out, its answer lost) and that found the object existing: true when that earlier
// try created it, not someone else: meshform's apply manages it, and no other manager of the
// main resource co-owns any of meshform's fields. (A create that was sent once and found the
// object existing was always someone else's.) Someone who created it with the same content co-owns
// them once meshform's apply went over it (equal values are shared); a controller that only added
// fields of its own since (the token controller's `secrets` of a ServiceAccount) does not.
bool CreatedByThisWrite(const nlohmann::json& object);

}  // namespace meshform::apply
