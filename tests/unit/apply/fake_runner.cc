// The in-memory StepRunner of the executor tests (see fake_runner.h).
#include "tests/unit/apply/fake_runner.h"

#include "engine/util/error.h"
#include "resources/resource.h"

namespace meshform::apply::testing {

void FakeRunner::Run(const plan::Change& change, Journal& journal) {
  std::lock_guard<std::mutex> lock(mu_);
  ran.push_back(change.address);
  Effect e = ObjectEffect(change.address, "c", change.address,
                          change.action == plan::Action::kDelete ? "delete" : "apply");
  auto it = state.find(change.address);
  if (it != state.end()) e.prior = it->second;
  size_t id = journal.Record(e);
  if (change.action == plan::Action::kDelete) {
    state.erase(change.address);
  } else {
    state[change.address] = "applied:" + std::string(plan::ActionName(change.action));
  }
  journal.MarkApplied(id);
  if (fail.count(change.address)) throw Error("failed: " + change.address);
}

void FakeRunner::Undo(const Effect& effect) {
  std::lock_guard<std::mutex> lock(mu_);
  undone.push_back(effect.step);
  if (fail_undo.count(effect.step)) throw Error("undo failed: " + effect.step);
  if (effect.prior) {
    state[effect.what] = effect.prior->get<std::string>();
  } else {
    state.erase(effect.what);
  }
}

plan::Change MakeChange(const std::string& address, plan::Action action,
                        std::vector<std::string> deps) {
  plan::Change c;
  c.address = address;
  c.cluster = "c";
  c.action = action;
  c.resource.address = address;
  c.resource.cluster = "c";
  c.resource.object = {{"apiVersion", "v1"}, {"kind", "ConfigMap"}};
  c.resource.depends_on = std::move(deps);
  return c;
}

nlohmann::json ObjectNamed(const std::string& api_version, const std::string& kind,
                           const std::string& name, const std::string& ns) {
  nlohmann::json o = {{"apiVersion", api_version}, {"kind", kind}, {"metadata", {{"name", name}}}};
  if (!ns.empty()) o["metadata"]["namespace"] = ns;
  return o;
}

plan::Change ObjectChange(const nlohmann::json& object, plan::Action action,
                          std::vector<std::string> deps) {
  plan::Change c;
  c.resource = resources::MakeObject("beijing", object, "mesh", {});
  c.resource.depends_on = std::move(deps);
  c.address = c.resource.address;
  c.cluster = "beijing";
  c.action = action;
  return c;
}

}  // namespace meshform::apply::testing
