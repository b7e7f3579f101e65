// The journal of an apply (see journal.h).
#include "engine/apply/journal.h"

namespace meshform::apply {

const char* EffectStateName(Effect::State state) {
  switch (state) {
    case Effect::State::kIntended:
      return "intended";
    case Effect::State::kApplied:
      return "applied";
    case Effect::State::kUndone:
      return "undone";
    case Effect::State::kUndoFailed:
      return "undo-failed";
  }
  return "unknown";
}

Effect ObjectEffect(const std::string& step, const std::string& cluster, const std::string& what,
                    const std::string& op) {
  Effect e;
  e.target = Effect::Target::kObject;
  e.step = step;
  e.cluster = cluster;
  e.what = what;
  e.op = op;
  return e;
}

Effect ValueEffect(const std::string& step, const std::string& what) {
  Effect e;
  e.target = Effect::Target::kValue;
  e.step = step;
  e.what = what;
  e.op = "set";
  return e;
}

Journal::Journal(std::shared_ptr<JournalSink> sink) : sink_(std::move(sink)) {}

size_t Journal::Record(Effect effect) {
  std::lock_guard<std::mutex> lock(mu_);
  effect.state = Effect::State::kIntended;
  effects_.push_back(std::move(effect));
  Flush(effects_.size() - 1);
  return effects_.size() - 1;
}

void Journal::MarkApplied(size_t id, const std::string& result_uid,
                          const std::string& result_resource_version) {
  std::lock_guard<std::mutex> lock(mu_);
  effects_.at(id).state = Effect::State::kApplied;
  effects_.at(id).result_uid = result_uid;
  effects_.at(id).result_resource_version = result_resource_version;
  Flush(id);
}

void Journal::UpdatePrior(size_t id, json prior) {
  std::lock_guard<std::mutex> lock(mu_);
  effects_.at(id).prior = std::move(prior);
  Flush(id);
}

void Journal::MarkUndone(size_t id, bool ok) {
  std::lock_guard<std::mutex> lock(mu_);
  effects_.at(id).state = ok ? Effect::State::kUndone : Effect::State::kUndoFailed;
  Flush(id);
}

std::vector<std::pair<size_t, Effect>> Journal::EffectsOf(const std::string& step) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::pair<size_t, Effect>> out;
  for (size_t i = 0; i < effects_.size(); ++i) {
    if (effects_[i].step == step) out.emplace_back(i, effects_[i]);
  }
  return out;
}

std::vector<Effect> Journal::All() const {
  std::lock_guard<std::mutex> lock(mu_);
  return effects_;
}

void Journal::Flush(size_t id) {
  if (sink_) sink_->Write(id, effects_[id]);
}

}  // namespace meshform::apply
