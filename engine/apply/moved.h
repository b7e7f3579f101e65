// Whether an object moved between two reads, for the preconditions of apply's writes: a write
// is sent with the uid and resourceVersion it was planned against (or, in rollback, the ones
// meshform's own write produced); when the server refuses it because the resourceVersion moved,
// these say whether someone edited the object (refuse, naming who) or only the server and the
// controllers wrote what they always write (status, managedFields' timestamps: go on).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace meshform::apply {

// The object without status, resourceVersion, managedFields and generation: what two reads of
// an object nobody edited have in common.
nlohmann::json EditableContent(const nlohmann::json& object);

// True when `after` differs from `before` in more than the server's and controllers' fields.
bool Edited(const nlohmann::json& before, const nlohmann::json& after);

// "resourceVersion 12 → 15, written by kubectl-edit (Update)": what moved and who wrote it
// since `before` (field managers whose entries in `after` are new or newer; status writers
// left out).
std::string DescribeMove(const nlohmann::json& before, const nlohmann::json& after);

}  // namespace meshform::apply
