// Compiling a topology into its desired resources: every module in turn, then the ordering
// rules, then a check that addresses are unique. The result is sorted by address, with sorted,
// unique depends_on, followed by meshform's own state objects (state_objects.h: the inventory and
// the root CA Secret). Deterministic: nothing is generated, only declared (see values.h).
#pragma once

#include <string>
#include <vector>

#include "engine/topology/model.h"
#include "engine/util/error.h"
#include "engine/util/subprocess.h"
#include "resources/resource.h"

namespace meshform::resources {

// Every problem found while compiling, one line each ("file:line:col: field: message" when the
// topology location is known).
class CompileError : public Error {
 public:
  explicit CompileError(std::vector<std::string> problems);
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<std::string> problems_;
};

// `runner` runs the Istio renderer (mesh.renderer.command) once per cluster.
ResourceSet Compile(const topology::Topology& t, util::ProcessRunner& runner);

}  // namespace meshform::resources
