#include "engine/plan/dry_run.h"

#include <spdlog/spdlog.h>

#include "engine/kube/errors.h"

namespace meshform::plan {
namespace {

bool SaysImmutable(const kube::ApiError& e) {
  if (e.server_message().find("immutable") != std::string::npos) return true;
  for (const auto& c : e.causes()) {
    if (c.message.find("immutable") != std::string::npos) return true;
  }
  return false;
}

}  // namespace

void ConfirmWithDryRun(kube::Client& client, Change& change) {
  nlohmann::json result;
  try {
    kube::ApplyOptions options;
    options.dry_run = true;
    options.force = true;  // conflicts are already known from managedFields
    result = client.Apply(change.resource.object, options);
  } catch (const kube::Invalid& e) {
    if (!SaysImmutable(e)) throw;
    change.action = Action::kReplace;
    change.reason = "the server refuses to change an immutable field: " + e.server_message();
    return;
  }
  std::vector<ssa::FieldChange> kept;
  for (auto& c : change.diff.changes) {
    auto after = ssa::ValueAt(result, c.path);
    auto before = c.before;
    if (after == before) {  // defaulting or normalisation: no real change
      spdlog::debug("{}: dry run shows no change at {}", change.address, ToString(c.path));
      continue;
    }
    if (c.op != ssa::FieldChange::Op::kRemove && after) c.after = after;
    kept.push_back(std::move(c));
  }
  change.diff.changes = std::move(kept);
  if (change.diff.changes.empty()) {
    change.action = Action::kNoOp;
    change.diff.conflicts.clear();
  }
}

}  // namespace meshform::plan
