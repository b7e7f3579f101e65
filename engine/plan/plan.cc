#include "engine/plan/plan.h"

namespace meshform::plan {

const char* ActionName(Action action) {
  switch (action) {
    case Action::kNoOp:
      return "no-op";
    case Action::kCreate:
      return "create";
    case Action::kUpdate:
      return "update";
    case Action::kReplace:
      return "replace";
    case Action::kDelete:
      return "delete";
  }
  return "?";
}

const char* DriftName(Drift drift) {
  switch (drift) {
    case Drift::kNone:
      return "";
    case Drift::kChanged:
      return "changed";
    case Drift::kDeleted:
      return "deleted";
  }
  return "?";
}

int Plan::Count(Action action) const {
  int n = 0;
  for (const auto& c : changes) n += c.action == action && c.resource.is_object();
  return n;
}

bool Plan::HasChanges() const {
  for (const auto& c : changes) {
    if (c.action != Action::kNoOp && c.resource.is_object()) return true;
  }
  return false;
}

const Change* Plan::Find(const std::string& address) const {
  for (const auto& c : changes) {
    if (c.address == address) return &c;
  }
  return nullptr;
}

}  // namespace meshform::plan
