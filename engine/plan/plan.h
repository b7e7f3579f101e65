// A plan: for every resource of the topology (and every owned object the topology no longer
// declares), what apply will do and why. The contract between plan/ (which builds it from the
// compiled resources and the live clusters) and apply/ (which executes it).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/ssa/object_diff.h"
#include "engine/values/value_store.h"
#include "resources/resource.h"

namespace meshform::plan {

enum class Action {
  kNoOp,     // live already matches (objects), or the value is known (values)
  kCreate,   // object absent; value to be generated / read while applying
  kUpdate,   // server-side apply of the changed fields
  kReplace,  // delete then create (an immutable field changed); `reason` says which
  kDelete,   // owned object no longer declared (apply), or destroy
};
const char* ActionName(Action action);  // "no-op", "create", "update", "replace", "delete"

enum class Mode { kApply, kDestroy };

// Drift: an object whose live state differs from what meshform last applied because someone
// else changed it. The planner knows two kinds for certain:
//   kChanged  meshform applied the object before (its field manager has an Apply entry in
//             metadata.managedFields) and a field meshform wants now holds another value owned
//             by another field manager: that manager wrote it after meshform (the change's
//             conflicts name the fields and managers);
//   kDeleted  the inventory lists the object (meshform created it) but it is gone from its
//             cluster, and the topology still declares it.
// A difference in a field meshform still owns is the topology's own change, not drift. A field
// someone else removed (no manager owns it any more) cannot be told from a field the topology
// added, and is not counted.
enum class Drift { kNone, kChanged, kDeleted };
const char* DriftName(Drift drift);  // "", "changed", "deleted"

struct Change {
  std::string address;
  std::string cluster;
  Action action = Action::kNoOp;
  // The desired resource. Placeholders whose values plan resolved (a reused CA, an issued
  // token, an assigned address) are substituted; the rest are filled while applying.
  // For kDelete of an object no longer declared, `resource.object` is the live object's
  // identity (apiVersion, kind, metadata.name/namespace).
  resources::Resource resource;
  // The live object as read at plan time (absent when it does not exist). Held in memory only.
  std::optional<nlohmann::json> live;
  std::string planned_resource_version;  // live metadata.resourceVersion ("" when absent)
  std::string planned_uid;               // live metadata.uid ("" when absent)
  // ssa::EditableContentDigest of the live object ("" when absent): a saved plan whose object's
  // resourceVersion moved only through status and the like is still the plan that was shown.
  // Not written to plan files for sensitive objects (a digest of Secret data stays in memory).
  std::string planned_content_digest;
  ssa::ObjectDiff diff;  // field changes (objects; empty for create/delete)
  std::string reason;    // why: replace, reissue, delete, adopt
  bool adopt = false;    // exists without meshform's labels; --adopt given
  // Destroy: the address of the Namespace change whose deletion removes this object; its step
  // sends nothing (namespace_cascade.h).
  std::string deleted_with;
  Drift drift = Drift::kNone;
};

struct Plan {
  Mode mode = Mode::kApply;
  std::string topology_name;
  std::string topology_hash;      // SHA-256 of the topology file's bytes (and files it references)
  std::string inventory_cluster;  // where the inventory and the lock live
  // The options the plan was made with, which applying a saved plan must plan with again.
  bool adopt = false;                // --adopt
  std::vector<std::string> targets;  // --target
  std::vector<Change> changes;       // sorted by address; no-ops included
  values::ValueStore values;         // values known at plan time (sensitive: never serialized)
  std::vector<std::string> warnings;
  // Why no plan could be made (then `changes` is empty): a plan document that says it errored.
  std::vector<std::string> errors;

  int Count(Action action) const;
  bool HasChanges() const;
  const Change* Find(const std::string& address) const;
};

}  // namespace meshform::plan
