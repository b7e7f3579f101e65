// Saved plans (`meshform plan -out plan.json`, `meshform apply plan.json`). A saved plan is the
// plan's JSON (plan_json.h) plus the topology file it was made from. Applying it re-reads the
// clusters and refuses, naming each object, when anything changed since the plan was made: the
// topology (its hash), an object's resourceVersion, or what would be done to it.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/plan/plan.h"

namespace meshform::plan {

struct SavedChange {
  std::string action;
  std::string resource_version;
  std::string uid;
  std::string content_digest;  // "" for sensitive objects and plans of older meshform versions
};

struct SavedPlan {
  std::string topology_file;  // absolute
  std::string topology_hash;
  std::string mode;                            // apply | destroy
  bool adopt = false;                          // planned with --adopt
  std::vector<std::string> targets;            // planned with --target
  std::map<std::string, SavedChange> changes;  // by address
};

// Writes `plan` for `topology_file` to `path` (0600, replaced atomically). Throws meshform::Error.
void WriteSavedPlan(const Plan& plan, const std::string& topology_file, const std::string& path);

// The document of a saved plan file (plan_json.h, plus topology.file), of a format version this
// build reads; throws meshform::Error naming the file and what is wrong with it.
nlohmann::json ReadPlanDocument(const std::string& path);

// Reads a saved plan; throws meshform::Error naming the file and what is wrong with it.
SavedPlan ReadSavedPlan(const std::string& path);

// What a saved plan of `plan` would hold, without writing it: to check that a plan made again
// (after a confirmation prompt) is still the plan that was shown.
SavedPlan SavedPlanOf(const Plan& plan, const std::string& topology_file);

// Why `fresh` (a new plan of the same topology) is not the saved plan; empty when it is. An
// object whose resourceVersion moved is stale unless its editable content's digest is the one
// the saved plan recorded (only status and the like moved: an HPA's controller, every 15 s).
std::vector<std::string> StalePlanProblems(const SavedPlan& saved, const Plan& fresh);

}  // namespace meshform::plan
