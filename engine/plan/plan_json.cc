#include "engine/plan/plan_json.h"

#include "engine/plan/shown_value.h"
#include "resources/placeholder.h"

namespace meshform::plan {
namespace {

using nlohmann::json;

json Shown(const std::optional<json>& value, bool sensitive) {
  if (!value) return nullptr;
  if (resources::IsPlaceholder(*value)) return "(known after apply)";
  if (sensitive) return "(sensitive)";
  return *value;
}

const char* OpName(ssa::FieldChange::Op op) {
  switch (op) {
    case ssa::FieldChange::Op::kAdd:
      return "add";
    case ssa::FieldChange::Op::kChange:
      return "change";
    case ssa::FieldChange::Op::kRemove:
      return "remove";
  }
  return "?";
}

json ConflictsToJson(const ssa::ObjectDiff& diff) {
  json conflicts = json::array();
  for (const auto& x : diff.conflicts) {
    conflicts.push_back({{"path", ToString(x.path)}, {"manager", x.manager}});
  }
  return conflicts;
}

json ChangeToJson(const Change& c) {
  bool sensitive = IsSensitive(c);
  json j = {{"address", c.address},
            {"cluster", c.cluster},
            {"type", c.resource.is_value() ? "value" : "object"},
            {"action", ActionName(c.action)},
            {"actions", ActionList(c.action)},
            {"reason", c.reason},
            {"planned_resource_version", c.planned_resource_version},
            {"planned_uid", c.planned_uid},
            {"depends_on", c.resource.depends_on},
            {"sensitive", sensitive}};
  if (!sensitive && !c.planned_content_digest.empty()) {
    j["planned_content_digest"] = c.planned_content_digest;
  }
  if (c.resource.is_object()) {
    j["apiVersion"] = c.resource.api_version();
    j["kind"] = c.resource.object_kind();
    j["namespace"] = c.resource.object_namespace();
    j["name"] = c.resource.object_name();
  } else {
    j["value_type"] = c.resource.value.type;
  }
  json fields = json::array();
  for (const auto& f : c.diff.changes) {
    fields.push_back({{"op", OpName(f.op)},
                      {"path", ToString(f.path)},
                      {"before", Shown(f.before, sensitive)},
                      {"after", Shown(f.after, sensitive)}});
  }
  j["fields"] = fields;
  j["conflicts"] = ConflictsToJson(c.diff);
  return j;
}

json DriftToJson(const Plan& plan) {
  json drift = json::array();
  for (const auto& c : plan.changes) {
    if (c.drift == Drift::kNone) continue;
    drift.push_back({{"address", c.address},
                     {"cluster", c.cluster},
                     {"kind", DriftName(c.drift)},
                     {"conflicts", ConflictsToJson(c.diff)}});
  }
  return drift;
}

}  // namespace

json ActionList(Action action) {
  if (action == Action::kReplace) return {"delete", "create"};
  return {ActionName(action)};
}

bool ReadsPlanFormat(const std::string& format_version) {
  return format_version == "1" || format_version.rfind("1.", 0) == 0;
}

json PlanToJson(const Plan& plan) {
  json changes = json::array();
  for (const auto& c : plan.changes) changes.push_back(ChangeToJson(c));
  bool errored = !plan.errors.empty();
  return {{"format_version", kPlanFormatVersion},
          {"mode", plan.mode == Mode::kDestroy ? "destroy" : "apply"},
          {"topology", {{"name", plan.topology_name}, {"hash", plan.topology_hash}}},
          {"inventory_cluster", plan.inventory_cluster},
          {"options", {{"adopt", plan.adopt}, {"targets", plan.targets}}},
          {"applyable", !errored && plan.HasChanges()},
          {"complete", !errored && plan.targets.empty()},
          {"errored", errored},
          {"errors", plan.errors},
          {"warnings", plan.warnings},
          {"drift", DriftToJson(plan)},
          {"summary",
           {{"add", plan.Count(Action::kCreate)},
            {"change", plan.Count(Action::kUpdate)},
            {"replace", plan.Count(Action::kReplace)},
            {"destroy", plan.Count(Action::kDelete)}}},
          {"changes", changes}};
}

}  // namespace meshform::plan
