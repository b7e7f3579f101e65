#include "engine/plan/plan_from_json.h"

#include <map>

#include "engine/util/error.h"
#include "resources/placeholder.h"

namespace meshform::plan {
namespace {

using nlohmann::json;

const std::map<std::string, Action>& Actions() {
  static const std::map<std::string, Action> kByName = {{"no-op", Action::kNoOp},
                                                        {"create", Action::kCreate},
                                                        {"update", Action::kUpdate},
                                                        {"replace", Action::kReplace},
                                                        {"delete", Action::kDelete}};
  return kByName;
}

// A shown path (".spec.containers[name=\"web\"].image") as one element that shows the same.
ssa::Path ShownPath(const std::string& shown) {
  if (shown.empty() || shown == ".") return {};
  if (shown[0] != '.') throw Error("path '" + shown + "' does not start with '.'");
  return {ssa::PathElement::Field(shown.substr(1))};
}

json ShownValue(const json& value) {
  if (value.is_string() && value.get<std::string>() == "(known after apply)") {
    return resources::MakePlaceholder("(shown plan)", "value");
  }
  return value;
}

ssa::FieldChange FieldFromJson(const json& j) {
  static const std::map<std::string, ssa::FieldChange::Op> kOps = {
      {"add", ssa::FieldChange::Op::kAdd},
      {"change", ssa::FieldChange::Op::kChange},
      {"remove", ssa::FieldChange::Op::kRemove}};
  auto op = kOps.find(j.at("op").get<std::string>());
  if (op == kOps.end()) throw Error("unknown field op '" + j.at("op").get<std::string>() + "'");
  ssa::FieldChange f;
  f.op = op->second;
  f.path = ShownPath(j.at("path"));
  if (f.op != ssa::FieldChange::Op::kAdd) f.before = ShownValue(j.at("before"));
  if (f.op != ssa::FieldChange::Op::kRemove) f.after = ShownValue(j.at("after"));
  return f;
}

resources::Resource ResourceFromJson(const json& j) {
  resources::Resource r;
  r.address = j.at("address");
  r.cluster = j.at("cluster");
  r.sensitive = j.at("sensitive");
  r.depends_on = j.at("depends_on").get<std::vector<std::string>>();
  if (j.at("type") == "value") {
    r.kind = resources::Resource::Kind::kValue;
    r.value.type = j.at("value_type");
    return r;
  }
  json meta = {{"name", j.at("name")}};
  if (!j.at("namespace").get<std::string>().empty()) meta["namespace"] = j["namespace"];
  r.object = {{"apiVersion", j.at("apiVersion")}, {"kind", j.at("kind")}, {"metadata", meta}};
  return r;
}

std::vector<ssa::FieldConflict> ConflictsFromJson(const json& list) {
  std::vector<ssa::FieldConflict> out;
  for (const auto& x : list) out.push_back({ShownPath(x.at("path")), x.at("manager")});
  return out;
}

Change ChangeFromJson(const json& j) {
  Change c;
  c.address = j.at("address");
  c.cluster = j.at("cluster");
  auto action = Actions().find(j.at("action").get<std::string>());
  if (action == Actions().end()) throw Error("unknown action '" + j.at("action").dump() + "'");
  c.action = action->second;
  c.reason = j.at("reason");
  c.resource = ResourceFromJson(j);
  c.planned_resource_version = j.at("planned_resource_version");
  c.planned_uid = j.at("planned_uid");
  c.planned_content_digest = j.value("planned_content_digest", "");
  for (const auto& f : j.at("fields")) c.diff.changes.push_back(FieldFromJson(f));
  c.diff.conflicts = ConflictsFromJson(j.at("conflicts"));
  return c;
}

std::vector<std::string> Strings(const json& document, const char* key) {
  return document.value(key, std::vector<std::string>{});
}

}  // namespace

Plan PlanFromJson(const json& document) {
  Plan plan;
  plan.mode = document.at("mode") == "destroy" ? Mode::kDestroy : Mode::kApply;
  plan.topology_name = document.at("topology").at("name");
  plan.topology_hash = document.at("topology").at("hash");
  plan.inventory_cluster = document.at("inventory_cluster");
  if (document.contains("options")) {
    plan.adopt = document["options"].value("adopt", false);
    plan.targets = Strings(document["options"], "targets");
  }
  plan.warnings = Strings(document, "warnings");  // absent before 1.1
  plan.errors = Strings(document, "errors");
  std::map<std::string, Drift> drift;
  for (const auto& d : document.value("drift", json::array())) {
    drift[d.at("address")] = d.at("kind") == "deleted" ? Drift::kDeleted : Drift::kChanged;
  }
  for (const auto& j : document.at("changes")) {
    try {
      plan.changes.push_back(ChangeFromJson(j));
    } catch (const std::exception& e) {
      throw Error("change " + j.value("address", "?") + ": " + e.what());
    }
    auto d = drift.find(plan.changes.back().address);
    if (d != drift.end()) plan.changes.back().drift = d->second;
  }
  return plan;
}

}  // namespace meshform::plan
