// A StepRunner over an in-memory "cluster" (address -> content), for executor tests: Run
// journals the prior content and writes the change's; Undo restores it and records the order
// of undos. Steps named in `fail` throw after writing.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/apply/step_runner.h"

namespace meshform::apply::testing {

class FakeRunner : public StepRunner {
 public:
  void Run(const plan::Change& change, Journal& journal) override;
  void Undo(const Effect& effect) override;

  std::map<std::string, std::string> state;  // the "cluster"
  std::set<std::string> fail;                // steps that fail (after writing)
  std::set<std::string> fail_undo;           // steps whose undo fails
  std::vector<std::string> ran, undone;      // in order

 private:
  std::mutex mu_;
};

// An object's apiVersion, kind, name and namespace (none when empty).
nlohmann::json ObjectNamed(const std::string& api_version, const std::string& kind,
                           const std::string& name, const std::string& ns = "");

// A change of `object` in cluster "beijing" (topology "mesh"), addressed as compile addresses
// it, depending on `deps`.
plan::Change ObjectChange(const nlohmann::json& object, plan::Action action,
                          std::vector<std::string> deps = {});

// A change of `address` (an object in cluster "c") depending on `deps`.
plan::Change MakeChange(const std::string& address, plan::Action action,
                        std::vector<std::string> deps = {});

}  // namespace meshform::apply::testing
