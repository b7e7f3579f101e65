// The journal of an apply: before every write to a cluster (or to the value store), the prior
// state of what it touches (the object as it was, or its absence) is recorded, so that rollback
// can undo it. Kept in memory (complete, for rollback) and mirrored to a JournalSink (the local
// file, with Secret data redacted). Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace meshform::apply {

using nlohmann::json;

// One write and what it replaced.
struct Effect {
  enum class Target { kObject, kValue };
  enum class State { kIntended, kApplied, kUndone, kUndoFailed };

  Target target = Target::kObject;
  std::string step;     // the plan change's address
  std::string cluster;  // objects: the cluster written to
  std::string what;     // objects: the object's address; values: the value's address
  std::string op;       // objects: "apply", "create", "delete"; values: "set"
  // Objects: apiVersion, kind, metadata.name and metadata.namespace of the object written.
  json identity;
  // Objects: the live object before the write (absent: there was none). Values: the fields
  // before ({"field": "value"}), absent when the value was unknown.
  std::optional<json> prior;
  std::string result_uid;  // objects written by apply/create: the uid they got
  // Objects written by apply: the resourceVersion the write produced (rollback's precondition:
  // an object nobody touched since is put back exactly).
  std::string result_resource_version;
  bool sensitive = false;  // Secret data or value fields: never shown, redacted in the file
  State state = State::kIntended;
};

const char* EffectStateName(Effect::State state);

// An object write of `step` to `what` in `cluster` ("apply", "create" or "delete").
Effect ObjectEffect(const std::string& step, const std::string& cluster, const std::string& what,
                    const std::string& op);
// A value write ("set") of `step` to the value `what`.
Effect ValueEffect(const std::string& step, const std::string& what);

// Where journal records go besides memory; see journal_file.h.
class JournalSink {
 public:
  virtual ~JournalSink() = default;
  // `id` identifies the effect across records; called under the journal's lock.
  virtual void Write(size_t id, const Effect& effect) = 0;
};

class Journal {
 public:
  explicit Journal(std::shared_ptr<JournalSink> sink = nullptr);

  // Records an intended write (before it happens); returns its id.
  size_t Record(Effect effect);
  void MarkApplied(size_t id, const std::string& result_uid = "",
                   const std::string& result_resource_version = "");
  // The write was refused because the object moved, and only the server's fields did: the
  // fresh read is the state the write will replace.
  void UpdatePrior(size_t id, json prior);
  void MarkUndone(size_t id, bool ok);

  // The effects of a step, in the order they were recorded.
  std::vector<std::pair<size_t, Effect>> EffectsOf(const std::string& step) const;
  std::vector<Effect> All() const;

 private:
  void Flush(size_t id);

  mutable std::mutex mu_;
  std::shared_ptr<JournalSink> sink_;
  std::vector<Effect> effects_;
};

}  // namespace meshform::apply
